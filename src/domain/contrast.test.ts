import { describe, expect, it } from 'vitest';
import { contrastRatio, parseHex, themeFor, overPicture } from './contrast';

const ratio = (a: string, b: string) => contrastRatio(parseHex(a) ?? [0, 0, 0], parseHex(b) ?? [0, 0, 0]);

describe('a brand colour made into a readable theme', () => {
  it('measures contrast as WCAG does', () => {
    expect(ratio('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(ratio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it('keeps a colour that is readable already', () => {
    const choice = themeFor('#145C5E');
    expect(choice).toMatchObject({ applied: '#145c5e', adjusted: false });
  });

  it('darkens a colour that fails, keeping its hue, just past AA', () => {
    const choice = themeFor('#f5b700');
    expect(choice?.adjusted).toBe(true);
    expect(choice?.chosenContrast).toBeLessThan(4.5);
    const applied = choice?.applied ?? '';
    expect(ratio(applied, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(ratio(applied, '#f8fafc')).toBeGreaterThanOrEqual(4.5);
    expect(ratio(applied, '#ffffff')).toBeLessThan(4.8);
    const [r = 0, g = 0, b = 0] = parseHex(applied) ?? [];
    expect(r).toBeGreaterThan(g);
    expect(g).toBeGreaterThan(b);
  });

  it('gives every token the contrast its use needs, for any colour', () => {
    for (const accent of ['#ffffff', '#ffff00', '#00ff00', '#ff00ff', '#00ffff', '#123456', '#000000', '#e11d48']) {
      const { theme } = themeFor(accent) ?? { theme: undefined };
      if (!theme) throw new Error(accent);
      expect(ratio(theme.brand700, '#ffffff')).toBeGreaterThanOrEqual(4.5);
      expect(ratio(theme.brand600, '#ffffff')).toBeGreaterThanOrEqual(4.5);
      expect(ratio(theme.brand900, '#ffffff')).toBeGreaterThanOrEqual(10);
      expect(ratio(theme.brand900, theme.brand100)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('refuses what is not a colour', () => {
    expect(themeFor('red')).toBeUndefined();
    expect(themeFor('#12345')).toBeUndefined();
  });

  it('keeps white text readable over any picture under the deep tone, for any colour and for Tapdesk’s own', () => {
    const deepTones = ['#0f3d3e'];
    for (let n = 0; n < 4096; n += 37) {
      const hex = `#${[n >> 8, (n >> 4) & 15, n & 15].map((d) => (d * 17).toString(16).padStart(2, '0')).join('')}`;
      deepTones.push(themeFor(hex)?.theme.brand900 ?? '');
    }
    for (const deep of deepTones) expect(overPicture(parseHex(deep) ?? [255, 255, 255]), deep).toBeGreaterThanOrEqual(4.5);
    // The scrim is what does it: half of it would not.
    expect(overPicture(parseHex('#0f3d3e') ?? [0, 0, 0], 0.5)).toBeLessThan(4.5);
  });
});
