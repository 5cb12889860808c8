import { describe, expect, it } from 'vitest';
import { HOST_LINK_TTL_MS, createHostLinkSigner } from './host-links';

describe('host links', () => {
  it('verifies its own link until it expires, and nothing it did not sign', () => {
    let now = new Date('2026-12-01T10:00:00Z');
    const signer = createHostLinkSigner('key-one', () => now);
    const token = signer.issue(42, 'collect');
    expect(signer.verify(token)).toMatchObject({ visitorId: 42, answer: 'collect' });
    expect(createHostLinkSigner('key-two', () => now).verify(token)).toBeUndefined();
    expect(signer.verify(token.replace('.collect.', '.desk.'))).toBeUndefined();
    expect(signer.verify('42.collect.1.x')).toBeUndefined();
    expect(signer.verify('')).toBeUndefined();
    now = new Date(now.getTime() + HOST_LINK_TTL_MS + 1000);
    expect(signer.verify(token)).toBe('expired');
  });
});
