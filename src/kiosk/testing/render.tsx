import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { vi } from 'vitest';
import {
  LockoutSchema,
  MirrorSyncStateSchema,
  UpstreamStatusSchema,
  type Lockout,
  type MemberStatus,
  type MirrorSyncState,
  type PaygOffer,
  type UpstreamStatus,
} from '../../contract/kiosk-api';
import { I18nProvider, loadMessages } from '../lib/i18n';
import { LANGUAGE_NAMES, type Language } from '../lib/messages';

// Screens are tested in every language without waiting for a language's messages to be fetched
// (the app loads them lazily; lib/i18n.test.tsx covers that wait).
await Promise.all((Object.keys(LANGUAGE_NAMES) as Language[]).map(loadMessages));

type Answer = { status: number; body: unknown };
/** A promise holds the answer back, so a test can see what the screen shows while it waits. */
type Handler = (path: string, init: RequestInit | undefined) => Answer | Promise<Answer>;

/**
 * Renders a screen with the app's providers. The network is a function from path to answer, so a
 * test states exactly what the gateway said; the answers are parsed by the real client.
 */
export function renderScreen(ui: ReactElement, options: { handler?: Handler; language?: Language } = {}) {
  const calls: { path: string; body: unknown }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string, init?: RequestInit) => {
      const path = String(input).replace('/kiosk/v1', '');
      calls.push({ path, body: init?.body ? JSON.parse(String(init.body)) : undefined });
      const answer = (await options.handler?.(path, init)) ?? {
        status: 503,
        body: { error: { code: 'UPSTREAM_UNAVAILABLE', message: 'down' } },
      };
      return new Response(answer.status === 204 ? null : JSON.stringify(answer.body), {
        status: answer.status,
        headers: { 'content-type': 'application/json' },
      });
    }),
  );
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const result = render(
    <QueryClientProvider client={client}>
      <I18nProvider initial={options.language ?? 'en'}>{ui}</I18nProvider>
    </QueryClientProvider>,
  );
  return { ...result, calls, client };
}

export const LONDON = { id: 2, name: 'London Shoreditch', timeZone: 'Europe/London', currency: 'GBP', pinBeforeCharge: false };

/** London's member PAYG: £6.00 an hour in 15-minute steps, at most £20.00 a day. */
export const HOURLY_PAYG: PaygOffer = {
  name: 'Pay As You Go',
  terms: {
    kind: 'hourly',
    currency: 'GBP',
    hourlyRateMinor: 600,
    stepMinutes: 15,
    stepPriceMinor: 150,
    dailyMinimumMinor: null,
    dailyMaximumMinor: 2000,
  },
  chargedTodayMinor: 0,
  firstChargeMinor: 150,
};

export function buildStatus(eligibility: MemberStatus['eligibility'], overrides: Partial<MemberStatus> = {}): MemberStatus {
  return {
    member: { id: 7, displayName: 'Amélie Laurent', company: 'Lumen Studio' },
    location: LONDON,
    at: '2026-11-23T09:00:00.000Z',
    eligibility,
    ...overrides,
  };
}

/** A lockout in force at London Shoreditch: member PINs and cards, every tablet there together. */
export function buildLockout(overrides: Partial<Lockout> = {}): Lockout {
  return LockoutSchema.parse({
    id: 'identify:location:2',
    kind: 'identify',
    scope: 'location',
    label: 'London Shoreditch',
    businessId: 2,
    lockedUntil: '2026-11-23T14:32:00.000Z',
    ...overrides,
  });
}

/** The server signed in to a real Nexudus since 13:55 UTC, with its request budget barely touched. */
export function buildUpstreamStatus(overrides: Partial<UpstreamStatus> = {}): UpstreamStatus {
  return UpstreamStatusSchema.parse({
    mode: 'nexudus',
    state: 'ok',
    since: '2026-11-23T13:55:00.000Z',
    message: 'Signed in to Nexudus.',
    budget: {
      all: [
        { points: 120, seconds: 60, used: 3 },
        { points: 5_000, seconds: 3600, used: 41 },
        { points: 200_000, seconds: 86_400, used: 1_250 },
      ],
      writes: [
        { points: 60, seconds: 60, used: 1 },
        { points: 2_500, seconds: 86_400, used: 310 },
      ],
      pausedForSeconds: 0,
      throttledCount: 0,
    },
    outbox: { count: 0, oldestSince: null, lastError: null, pausedForSeconds: 0 },
    ...overrides,
  });
}

/** The gateway's mirror of London Shoreditch: 1,234 members, listed in full at 06:00 UTC, synced again at 13:57 UTC. */
export function buildSyncState(overrides: Partial<MirrorSyncState> = {}): MirrorSyncState {
  return MirrorSyncStateSchema.parse({
    businessId: 2,
    name: 'London Shoreditch',
    fullAt: '2026-11-23T06:00:00.000Z',
    syncedAt: '2026-11-23T13:57:00.000Z',
    records: 1_234,
    lastError: null,
    lastErrorAt: null,
    ...overrides,
  });
}
