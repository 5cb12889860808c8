const PLAIN_ASCII = /[^ -~]/;
const APOSTROPHES = /['’‘ʼ`´]/g;
/** After NFD: accents (combining marks), apostrophes, and the letters NFD leaves whole. */
const FOLDED = /[\p{M}'’‘ʼ`´łŁøØđĐıæÆœŒß]/gu;
const LETTERS: Partial<Record<string, string>> = {
  ł: 'l',
  Ł: 'l',
  ø: 'o',
  Ø: 'o',
  đ: 'd',
  Đ: 'd',
  ı: 'i',
  æ: 'ae',
  Æ: 'ae',
  œ: 'oe',
  Œ: 'oe',
  ß: 'ss',
};
const WORD = /[\p{L}\p{N}]+/gu;

/** Lower case, accents and apostrophes folded: "Amélie" finds "amelie", "Łukasz" "lukasz", "O'Brien" "obrien". */
export function fold(text: string): string {
  // Most names are plain ASCII: they skip the Unicode work (same answer, a fraction of the time).
  if (!PLAIN_ASCII.test(text)) return text.replace(APOSTROPHES, '').toLowerCase();
  return text
    .normalize('NFD')
    .replace(FOLDED, (c) => LETTERS[c] ?? '')
    .toLowerCase();
}

/** The words of folded text: runs of letters and digits ("jean-luc" is "jean" and "luc"). */
export function words(folded: string): string[] {
  return folded.match(WORD) ?? [];
}
