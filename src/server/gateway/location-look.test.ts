import { afterEach, describe, expect, it } from 'vitest';
import { DeviceInfoSchema, KioskErrorSchema } from '../../contract/kiosk-api';
import { AdminLocationLookSchema } from '../../contract/location-looks';
import { ADMIN, createTestApi, type TestApi } from '../testing/test-api';
import { kioskClient } from '../testing/kiosk-client';

let api: TestApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

async function setUp() {
  api = await createTestApi();
  const london = await api.business({ Name: 'London', TimeZone: 'Europe/London', CurrencyCode: 'GBP' });
  const paris = await api.business({ Name: 'Paris', TimeZone: 'Europe/Paris', CurrencyCode: 'EUR' });
  const client = kioskClient(api.app, api.db);
  const tablet = await client.pair(london, 'Front desk');
  const { token: staff } = await client.staffSignIn(ADMIN.email, ADMIN.password);
  return { client, london, paris, tablet, staff: staff ?? '' };
}
const code = (res: { json: () => unknown }) => KioskErrorSchema.parse(res.json()).error.code;

describe("a location's look, set on the admin page", () => {
  it('darkens a brand colour too light to read, says so, and the tablets of that location get it', async () => {
    const { client, london, paris, tablet, staff } = await setUp();
    const before = DeviceInfoSchema.parse((await client.call('GET', '/device', tablet)).json());
    expect(before.location.look).toBeUndefined();

    const res = await client.call('PUT', `/admin/locations/${london}/look`, staff, {
      accent: '#F5B700',
      logoUrl: 'https://cdn.example.com/logo.png',
      bannerUrl: 'https://cdn.example.com/space.jpg',
    });
    expect(res.statusCode).toBe(200);
    const look = AdminLocationLookSchema.parse(res.json());
    expect(look).toMatchObject({
      businessId: london,
      accent: '#f5b700',
      logoUrl: 'https://cdn.example.com/logo.png',
      bannerUrl: 'https://cdn.example.com/space.jpg',
    });
    expect(look.applied?.adjusted).toBe(true);
    expect(look.applied?.contrast).toBeGreaterThanOrEqual(4.5);
    expect(look.applied?.chosenContrast).toBeLessThan(4.5);

    const after = DeviceInfoSchema.parse((await client.call('GET', '/device', tablet)).json());
    expect(after.location.look).toEqual({
      theme: look.applied?.theme,
      logoUrl: 'https://cdn.example.com/logo.png',
      bannerUrl: 'https://cdn.example.com/space.jpg',
    });
    // Another location keeps Tapdesk's own.
    expect(AdminLocationLookSchema.parse((await client.call('GET', `/admin/locations/${paris}/look`, staff)).json()).applied).toBeNull();

    // A picture alone is a look of its own, with Tapdesk's colours.
    await client.call('PUT', `/admin/locations/${london}/look`, staff, {
      accent: null,
      logoUrl: null,
      bannerUrl: 'https://cdn.example.com/space.jpg',
    });
    expect(DeviceInfoSchema.parse((await client.call('GET', '/device', tablet)).json()).location.look).toEqual({
      theme: null,
      logoUrl: null,
      bannerUrl: 'https://cdn.example.com/space.jpg',
    });

    // Back to Tapdesk's own look.
    await client.call('PUT', `/admin/locations/${london}/look`, staff, { accent: null, logoUrl: null, bannerUrl: null });
    expect(DeviceInfoSchema.parse((await client.call('GET', '/device', tablet)).json()).location.look).toBeUndefined();
  });

  it('refuses what is not a colour or an https logo, an unknown location, and anyone but staff — and changes nothing', async () => {
    const { client, london, tablet, staff } = await setUp();
    await client.call('PUT', `/admin/locations/${london}/look`, staff, { accent: '#145c5e', logoUrl: null, bannerUrl: null });
    const ok = { accent: '#145c5e', logoUrl: null, bannerUrl: null };
    for (const body of [
      { ...ok, accent: 'teal' },
      { ...ok, logoUrl: 'http://cdn.example.com/logo.png' },
      { ...ok, logoUrl: 'javascript:alert(1)' },
      { ...ok, logoUrl: 'https://cdn.example.com/logo.png?token=secret' },
      { ...ok, logoUrl: `https://cdn.example.com/${'a'.repeat(600)}.png` },
      // A host that reads one way and loads from another, or is not a host at all.
      { ...ok, logoUrl: 'https://evil.example\\.cdn.good.com/x.png' },
      { ...ok, logoUrl: 'https://[/' },
      { ...ok, bannerUrl: 'data:image/png;base64,AAAA' },
      { ...ok, bannerUrl: 'https://cdn.example.com/a.jpg"),url("https://evil.example/b.jpg' },
      { ...ok, bannerUrl: 'https://user@cdn.example.com/a.jpg' },
      { accent: '#145c5e', logoUrl: null },
      { accent: '#145c5e' },
    ]) {
      const res = await client.call('PUT', `/admin/locations/${london}/look`, staff, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(code(res)).toBe('VALIDATION');
    }
    expect(
      (await client.call('PUT', '/admin/locations/999/look', staff, { accent: null, logoUrl: null, bannerUrl: null })).statusCode,
    ).toBe(404);
    expect((await client.call('GET', '/admin/locations/abc/look', staff)).statusCode).toBe(404);
    expect(
      (await client.call('PUT', `/admin/locations/${london}/look`, tablet, { accent: '#000000', logoUrl: null, bannerUrl: null }))
        .statusCode,
    ).toBe(401);
    expect(
      (await client.call('PUT', `/admin/locations/${london}/look`, undefined, { accent: '#000000', logoUrl: null, bannerUrl: null }))
        .statusCode,
    ).toBe(401);
    const look = AdminLocationLookSchema.parse((await client.call('GET', `/admin/locations/${london}/look`, staff)).json());
    expect(look).toMatchObject({ accent: '#145c5e', logoUrl: null, bannerUrl: null, applied: { adjusted: false, colour: '#145c5e' } });
  });
});
