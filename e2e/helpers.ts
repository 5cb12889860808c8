import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { z } from 'zod';
import { CheckinRecordSchema } from '../src/contract/nexudus-checkins';
import { listEnvelopeSchema } from '../src/contract/nexudus-envelopes';
import { CoworkerTimePassRecordSchema } from '../src/contract/nexudus-passes';
import { CoworkerRecordSchema } from '../src/contract/nexudus-coworkers';
import { E2E_ADMIN, type TapdeskServer } from './server';

/** The Nexudus API as an integrator sees it: a token, then list calls. */
export async function adminApi(server: TapdeskServer) {
  const res = await fetch(`${server.apiUrl}/api/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'password', username: E2E_ADMIN.email, password: E2E_ADMIN.password }),
  });
  const { access_token } = z.object({ access_token: z.string() }).parse(await res.json());
  const get = async (path: string) => {
    const r = await fetch(`${server.apiUrl}${path}`, { headers: { authorization: `Bearer ${access_token}` } });
    return r.json() as Promise<unknown>;
  };
  const update = async (path: string, id: number, changes: Record<string, unknown>) => {
    const record = (await get(`${path}/${id}`)) as Record<string, unknown>;
    const res = await fetch(`${server.apiUrl}${path}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${access_token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ...record, ...changes }),
    });
    if (!res.ok) throw new Error(`PUT ${path}/${id}: ${res.status} ${await res.text()}`);
  };
  return {
    checkins: async (query = '') =>
      listEnvelopeSchema(CheckinRecordSchema).parse(await get(`/api/spaces/checkins?size=1000${query}`)).Records,
    passesOf: async (coworkerId: number) =>
      listEnvelopeSchema(CoworkerTimePassRecordSchema).parse(
        await get(`/api/billing/coworkertimepasses?CoworkerTimePass_Coworker=${coworkerId}`),
      ).Records,
    /** A customer's record changed in Nexudus (GET, then PUT the whole record back with the changes). */
    updateCoworker: (id: number, changes: Record<string, unknown>) => update('/api/spaces/coworkers', id, changes),
    /** A location's record changed in Nexudus (its opening hours, say). */
    updateBusiness: (id: number, changes: Record<string, unknown>) => update('/api/sys/businesses', id, changes),
    coworkerId: async (fullName: string) => {
      const list = listEnvelopeSchema(CoworkerRecordSchema).parse(
        await get(`/api/spaces/coworkers?Coworker_FullName=${encodeURIComponent(fullName)}`),
      );
      const id = list.Records[0]?.Id;
      if (id === undefined) throw new Error(`no coworker ${fullName}`);
      return id;
    },
  };
}

/** Staff pair the tablet: sign in on the admin page, create a code, enter it on the setup screen. */
export async function signInAdmin(page: Page) {
  await page.goto('/admin');
  await page.getByLabel('Email').fill(E2E_ADMIN.email);
  await page.getByLabel('Password').fill(E2E_ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function pairTablet(page: Page, location = 'London Shoreditch', { signedIn = false } = {}) {
  if (signedIn) await page.goto('/admin');
  else await signInAdmin(page);
  const pairing = page.getByRole('region', { name: 'Pair a tablet' });
  await pairing.getByLabel('Location').selectOption({ label: location });
  await pairing.getByRole('button', { name: 'Create pairing code' }).click();
  const code = (await page.getByText(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/).textContent()) ?? '';
  await page.goto('/');
  await page.getByLabel('Pairing code').fill(code);
  await page.getByLabel('Tablet name').fill(`Front desk ${location}`);
  await page.getByLabel(/Staff PIN/).fill('2468');
  await page.getByRole('button', { name: 'Pair this tablet' }).click();
  await expect(page.getByText(location, { exact: true })).toBeVisible();
}

export async function findMember(page: Page, search: string, name: string) {
  await page.getByRole('button', { name: 'Check in / out' }).click();
  await page.getByLabel('Your name or company').fill(search);
  await page.getByRole('button', { name: new RegExp(name) }).click();
}

export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Screenshots of a screen in landscape and portrait, for people to look at. */
export async function screenshots(page: Page, name: string) {
  mkdirSync('artifacts/screenshots', { recursive: true });
  const original = page.viewportSize() ?? { width: 1280, height: 800 };
  // Still pictures: a mark growing in would be caught half-way.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  for (const size of [
    { width: 1280, height: 800 },
    { width: 800, height: 1280 },
  ]) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `artifacts/screenshots/${name}-${size.width}x${size.height}.png`, fullPage: true });
  }
  await page.setViewportSize(original);
  await page.emulateMedia({ reducedMotion: null });
}
