import type { DirectoryEntry } from '../../../contract/kiosk-api';

// Comma-separated, so the lists stay a few lines long.
const list = (names: string) => names.split(',');
const FIRST = list(
  'Amélie,Ana María,Anna,Aoife,Ayşe,Bruno,Chloé,Chen,Dmitri,Đorđe,Elif,Émile,Fatima,François,Freya,Giulia,Hannah,Héloïse,' +
    'Ingrid,Jan,Jean-Luc,Jörg,José,Joseph,Josephine,Jürgen,Kenji,Léa,Liam,Łukasz,Maja,Marco,Margaret,Margarete,María,Mario,' +
    'Marta,Mia,Mohammed,Niamh,Noah,Olga,Oliver,Paweł,Priya,Rafael,Renée,Sakura,Seán,Siobhán,Søren,Sofía,Thomas,Thu,Zoë,Zofia,' +
    'Ørjan,Ahmet,Beatriz,Björn,Camille,Dagný,Emma,Gabriel,Ines,Ivan,Kai,Lars,Lena,Lucas,Mateo,Nadia,Nils,Omar,Paul,Rosa,Sara,' +
    'Tomás,Yusuf,Wojciech,Agnieszka,Ruairí',
);
const LAST = list(
  "O'Brien,O'Connor,D'Angelo,N'Diaye,Müller,Groß,Østergaard,Laurent,Dubois,Díaz,Gómez,García,Álvarez,Ivanov,Wójcik,Nowak," +
    'Nguyễn,Dvořák,Şahin,Yılmaz,Đorđević,van der Berg,de la Cruz,Tanaka,Sato,Kim,Patel,Singh,Rossi,Bianchi,Smith,Jones,' +
    'Murphy,Kelly,Fischer,Weiß,Lefèvre,Marchetti,Andersen,Lindqvist,Gallagher,Amadou',
);
const ROOTS = list('Kowal,Lewand,Berg,Hoff,Lind,Nord,Ström,Kraw,Jabł,Mar,Gar,Holm,Sand,Feld,Brun,Dahl,Wiś,Zieliń,Ek,Falk');
const SUFFIXES = list('ski,ska,czyk,ewicz,mann,berg,er,sen,son,gaard,ström,lund,quist,ino,etti,ez,ović');
const SYLLABLES = list('ka,lo,ver,mi,an,dré,sø,ber,tz,ko,wal,ni,ros,ha,el,ün,ja,ří,ma,rin,to,ße,lé,gu,ti,ara,os,vić,ne,da');
const COMPANY_WORDS = list(
  "Lumen,Northwind,Amber,Café,Crème,Nordlicht,Søndergaard,Atelier,Blue,Harbour,Pixel,Mare,Óptima,Zürich,Kiwi,Orbit,Josef,Margarita,Quantum,Ollie's",
);
const COMPANY_KINDS = list('Studio,Labs,GmbH,Ltd,Design,Consulting,& Partners,Bäckerei,Ventures,Legal');

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * A made-up but realistic member list for the search tests and the benchmarks: names from many
 * languages (accents, ł, ø, ß, O'Brien, hyphens, particles), common names shared by many people,
 * rare invented surnames, about a third with a company; sorted as the gateway sends them. The
 * same count and seed give the same list.
 */
export function fakeMembers(count: number, seed = 1): DirectoryEntry[] {
  const random = mulberry32(seed);
  // Skewed towards the start of each list, so common names are shared by many people.
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() ** 2 * list.length)] as T;
  const uniform = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  // Many surnames are rare: made of syllables, a few thousand different ones in a large network.
  const invented = () => {
    const word = Array.from({ length: 2 + Math.floor(random() * 2) }, () => uniform(SYLLABLES)).join('');
    return `${word[0]?.toUpperCase() ?? ''}${word.slice(1)}`;
  };
  const surname = () => {
    const r = random();
    return r < 0.4 ? pick(LAST) : r < 0.6 ? `${pick(ROOTS)}${pick(SUFFIXES)}` : invented();
  };
  const companies = Array.from({ length: 400 }, () => `${pick(COMPANY_WORDS)} ${pick(COMPANY_WORDS)} ${pick(COMPANY_KINDS)}`);
  const members = Array.from({ length: count }, (_, i): DirectoryEntry => {
    const r = random();
    const first = r < 0.05 ? `${pick(FIRST)} ${pick(FIRST)}` : r < 0.15 ? invented() : pick(FIRST);
    const last = random() < 0.1 ? `${surname()}-${surname()}` : surname();
    const displayName = `${first} ${last}`;
    return {
      id: i + 1,
      displayName,
      initials: `${first[0] ?? ''}${last[0] ?? ''}`.toUpperCase(),
      company: random() < 1 / 3 ? pick(companies) : null,
      photoUrl: null,
      hasPin: random() < 0.8,
      hasCard: random() < 0.5,
    };
  });
  // In the order the gateway sends them.
  return members.sort((a, b) => a.displayName.localeCompare(b.displayName) || a.id - b.id);
}
