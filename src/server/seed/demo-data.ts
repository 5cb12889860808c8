import type { BusinessCreate } from '../../contract/nexudus-businesses';
import type { TimePassCreate, TimeSlotCreate } from '../../contract/nexudus-passes';

type PassDef = {
  product: Omit<TimePassCreate, 'BusinessId' | 'CurrencyId'> & { CurrencyId?: number };
  slots?: Omit<TimeSlotCreate, 'TimePassId'>[];
};
export interface DemoLocation {
  business: BusinessCreate;
  passes: Record<string, PassDef>;
}

const weekdayMornings = [1, 2, 3, 4, 5].map((DayOfWeek) => ({ DayOfWeek, FromTime: '07:00', ToTime: '12:00' }));

const standardPasses = (day: number, time: number): Record<string, PassDef> => ({
  day: { product: { Name: 'Day Pass', Price: day, CurrencyId: 1 } },
  time: { product: { Name: '10-Hour Pass', Price: time, MinutesIncluded: 600, CurrencyId: 1 } },
  morning: { product: { Name: 'Morning Pass', Price: Math.round(day * 0.6), CurrencyId: 1, UsePriority: 1 }, slots: weekdayMornings },
});

const hourlyPayg = (name: string, hourly: number, forMembers: boolean): PassDef => ({
  product: {
    Name: name,
    Price: hourly,
    MinutesIncluded: 60,
    CurrencyId: 1,
    UseAsPayAsYouGoForMembers: forMembers,
    UseAsPayAsYouGoForContacts: !forMembers,
  },
});

/** Index 0 is London, 1 Berlin, 2 New York, 3 Tokyo (which sells no PAYG). */
export const DEMO_LOCATIONS: DemoLocation[] = [
  {
    business: {
      Name: 'London Shoreditch',
      TimeZone: 'Europe/London',
      CurrencyCode: 'GBP',
      DailyCutoffTime: '03:00',
      PaygDailyMaximum: 20,
      // Walk-in visitors wait for their host's answer here (the demo's approval flow).
      VisitorHostApproval: true,
    },
    passes: {
      ...standardPasses(25, 100),
      paygMembers: hourlyPayg('Pay As You Go (members)', 4, true),
      paygContacts: hourlyPayg('Pay As You Go', 6, false),
    },
  },
  {
    business: {
      Name: 'Berlin Mitte',
      TimeZone: 'Europe/Berlin',
      CurrencyCode: 'EUR',
      DailyCutoffTime: '02:00',
      PaygDailyMaximum: 30,
      KioskPinBeforeCharge: true,
    },
    passes: {
      ...standardPasses(28, 110),
      paygMembers: hourlyPayg('Pay As You Go (members)', 4.5, true),
      paygContacts: { product: { Name: 'Pay As You Go Day', Price: 18, CurrencyId: 1, UseAsPayAsYouGoForContacts: true } },
    },
  },
  {
    business: {
      Name: 'New York SoHo',
      TimeZone: 'America/New_York',
      CurrencyCode: 'USD',
      DailyCutoffTime: '00:00',
      PaygDailyMinimum: 5,
      PaygDailyMaximum: 35,
    },
    passes: {
      ...standardPasses(35, 140),
      paygMembers: hourlyPayg('Pay As You Go (members)', 5, true),
      paygContacts: hourlyPayg('Pay As You Go', 8, false),
    },
  },
  {
    business: { Name: 'Tokyo Shibuya', TimeZone: 'Asia/Tokyo', CurrencyCode: 'JPY', DailyCutoffTime: '04:00' },
    passes: standardPasses(3000, 12000),
  },
];

interface Persona {
  fullName: string;
  location: number;
  member: boolean;
  pin: string;
  card: string;
  company: string | null;
  passes: { key: string; count?: number; fromTariff?: boolean; expire?: string; used?: boolean }[];
}

/** Known people for demos and end-to-end tests; the README lists them. */
export const DEMO_PERSONAS: Persona[] = [
  {
    fullName: 'Amélie Laurent',
    location: 0,
    member: true,
    pin: '24680',
    card: 'CARD-AMELIE',
    company: 'Lumen Studio',
    passes: [{ key: 'day', count: 5, fromTariff: true }],
  },
  { fullName: 'Bruno Díaz', location: 0, member: false, pin: '13579', card: 'CARD-BRUNO', company: null, passes: [] },
  { fullName: 'Chloé Dubois', location: 3, member: false, pin: '11223', card: 'CARD-CHLOE', company: 'Kaizen Labs', passes: [] },
  {
    fullName: 'Dmitri Ivanov',
    location: 0,
    member: true,
    pin: '44556',
    card: 'CARD-DMITRI',
    company: 'Northwind',
    passes: [{ key: 'time', fromTariff: true }],
  },
  { fullName: 'Ana María Gómez', location: 1, member: false, pin: '77889', card: 'CARD-ANA', company: null, passes: [] },
  {
    fullName: "Zoë O'Brien",
    location: 0,
    member: true,
    pin: '99001',
    card: 'CARD-ZOE',
    company: 'Brightside',
    passes: [
      { key: 'day', expire: '2026-01-01T00:00:00Z' },
      { key: 'day', used: true },
    ],
  },
  {
    fullName: 'José Álvarez',
    location: 2,
    member: true,
    pin: '31415',
    card: 'CARD-JOSE',
    company: 'Hudson & Co',
    passes: [{ key: 'day', count: 4, fromTariff: true }],
  },
];

export const FIRST_NAMES = [
  'Amélie',
  'Ana',
  'Björn',
  'Camille',
  'Chloé',
  'Daniel',
  'Daniela',
  'Élodie',
  'Emma',
  'François',
  'Giulia',
  'Hannah',
  'Hélène',
  'Inês',
  'Jakub',
  'James',
  'José',
  'Julia',
  'Kenji',
  'Léa',
  'Liam',
  'Łukasz',
  'Maria',
  'María',
  'Mateo',
  'Mia',
  'Noah',
  'Noémie',
  'Oliver',
  'Renée',
  'Saoirse',
  'Siobhán',
  'Søren',
  'Sofia',
  'Thomas',
  'Yuki',
  'Zoë',
  'Ömer',
  'Ingrid',
  'Priya',
];
export const LAST_NAMES = [
  'Andersen',
  'Bianchi',
  'Brown',
  'Çelik',
  'Costa',
  'Dubois',
  'Fernández',
  'García',
  'Hoffmann',
  'Ito',
  'Jensen',
  'Kowalski',
  'Laurent',
  'López',
  'Martin',
  'Müller',
  'Nguyễn',
  'Novák',
  "O'Connor",
  'Pereira',
  'Rossi',
  'Schmidt',
  'Smith',
  'Suzuki',
  'Tanaka',
  'Wójcik',
  'Østergaard',
  'Zimmermann',
  'Patel',
  'Kim',
];
export const COMPANIES = [
  'Lumen Studio',
  'Northwind',
  'Kaizen Labs',
  'Brightside',
  'Hudson & Co',
  'Atelier Nord',
  'Pixel Forge',
  'Café Société',
];
