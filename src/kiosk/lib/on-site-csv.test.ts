import { describe, expect, it } from 'vitest';
import { OnSiteSchema, type OnSite } from '../../contract/visitors-api';
import { csvField, onSiteCsv, onSiteFileName } from './on-site-csv';

const onSite = (overrides: Partial<OnSite> = {}): OnSite =>
  OnSiteSchema.parse({
    businessId: 2,
    locationName: 'London Shoreditch',
    at: '2026-11-23T14:05:00.000Z',
    members: [{ id: 1, name: 'Amélie Laurent', company: 'Lumen Studio', since: '2026-11-23T09:02:00.000Z' }],
    visitors: [{ id: 9, name: 'Grace Hopper', company: null, hostName: 'Ana María Gómez', since: '2026-11-23T13:40:00.000Z' }],
    ...overrides,
  });

describe('onSiteCsv', () => {
  it('lists members then visitors under kind,name,company,host,since', () => {
    expect(onSiteCsv(onSite()).split('\r\n')).toEqual([
      'kind,name,company,host,since',
      'member,Amélie Laurent,Lumen Studio,,2026-11-23T09:02:00.000Z',
      'visitor,Grace Hopper,,Ana María Gómez,2026-11-23T13:40:00.000Z',
      '',
    ]);
  });

  it('quotes commas, quotes and line breaks so a name stays one field', () => {
    const csv = onSiteCsv(
      onSite({
        members: [{ id: 1, name: 'Dubois, Chloé', company: 'The "Loft"\nStudio', since: '2026-11-23T09:02:00.000Z' }],
        visitors: [],
      }),
    );
    expect(csv).toBe('kind,name,company,host,since\r\nmember,"Dubois, Chloé","The ""Loft""\nStudio",,2026-11-23T09:02:00.000Z\r\n');
  });

  it('makes values a spreadsheet would run as formulas plain text', () => {
    for (const value of ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd']) {
      const field = csvField(value);
      expect(field.startsWith(`"'`)).toBe(true);
      expect(field).toBe(`"'${value.replace(/"/g, '""')}"`);
    }
    const csv = onSiteCsv(
      onSite({ visitors: [{ id: 9, name: '=cmd|calc', company: '@evil', hostName: '+Ana', since: '2026-11-23T13:40:00.000Z' }] }),
    );
    expect(csv).toContain(`visitor,"'=cmd|calc","'@evil","'+Ana",2026-11-23T13:40:00.000Z`);
  });

  it('leaves ordinary names as they are', () => {
    expect(csvField('Zoë O’Brien')).toBe('Zoë O’Brien');
    expect(csvField('Jean-Luc')).toBe('Jean-Luc');
    expect(csvField(null)).toBe('');
  });

  it('names the file after the location and the time the list was read', () => {
    expect(onSiteFileName(onSite())).toBe('who-is-in-london-shoreditch-2026-11-23-1405.csv');
  });
});
