import { describe, expect, it } from 'vitest';
import { BudgetExhausted, createRequestBudget, throttleSeconds } from './upstream-budget';

describe('the request budget', () => {
  it('never lets more requests through in any window than the rule allows, and waits for room', async () => {
    let now = 1_000_000;
    const budget = createRequestBudget({ all: [{ points: 3, seconds: 60 }], writes: [] }, () => now);
    const sent: number[] = [];
    for (let i = 0; i < 3; i += 1) await budget.acquire(false, 0).then(() => sent.push(now));
    expect(sent).toHaveLength(3);
    await expect(budget.acquire(false, 1000)).rejects.toBeInstanceOf(BudgetExhausted);
    now += 60_001;
    await budget.acquire(false, 0);
    expect(budget.stats().all[0]).toMatchObject({ points: 3, used: 1 });
  });

  it('sends waiting writes before waiting reads', async () => {
    const budget = createRequestBudget({ all: [{ points: 1, seconds: 0.2 }], writes: [] });
    await budget.acquire(false, 0);
    const order: string[] = [];
    const read = budget.acquire(false, 5000).then(() => order.push('read'));
    const write = budget.acquire(true, 5000).then(() => order.push('write'));
    await Promise.all([read, write]);
    expect(order[0]).toBe('write');
  });

  it('counts writes against both their own and the overall limits', async () => {
    const budget = createRequestBudget({ all: [{ points: 10, seconds: 60 }], writes: [{ points: 2, seconds: 60 }] });
    await budget.acquire(true, 0);
    await budget.acquire(true, 0);
    await expect(budget.acquire(true, 0)).rejects.toBeInstanceOf(BudgetExhausted);
    await budget.acquire(false, 0);
    expect(budget.stats()).toMatchObject({ all: [{ used: 3 }], writes: [{ used: 2 }] });
  });

  it('pauses everything when Nexudus says wait, and says for how long', async () => {
    let now = 0;
    const budget = createRequestBudget({ all: [{ points: 100, seconds: 60 }], writes: [] }, () => now);
    budget.pause(30);
    const refused = await budget.acquire(false, 5000).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(BudgetExhausted);
    expect((refused as BudgetExhausted).retryAfterSeconds).toBe(30);
    now += 30_001;
    await budget.acquire(false, 0);
    expect(budget.stats().throttledCount).toBe(1);
  });
});

describe('reading a throttled answer', () => {
  it.each([
    [429, '7', '', 7],
    [429, undefined, '{"Message":"Wait 12 seconds"}', 12],
    [429, undefined, '', 1],
    [409, '3', 'You must wait before accessing this url again.', 3],
    [409, undefined, 'You must wait before accessing this url again.', 1],
  ])('%i with Retry-After %s and body %s waits %i s', (status, header, body, seconds) => {
    expect(throttleSeconds(status, header, body)).toBe(seconds);
  });

  it('does not take a plain conflict or an error for throttling', () => {
    expect(throttleSeconds(409, undefined, '{"Message":"Id: conflicts with other records"}')).toBeUndefined();
    expect(throttleSeconds(500, '5', '')).toBeUndefined();
  });
});
