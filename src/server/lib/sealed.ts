import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * Authenticated encryption (AES-256-GCM) for a secret the server must keep for a while and then
 * use again, such as the PIN a member typed to agree to a charge while Nexudus was down. The key
 * is a server-held secret; a sealed value is `iv.tag.ciphertext` in base64url.
 */
export function createSealer(secret: string) {
  const key = createHash('sha256').update(`tapdesk-seal:${secret}`).digest();
  return {
    seal(plain: string): string {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.');
    },
    /** The plain text, or undefined when the value was not sealed with this key or was altered. */
    open(sealed: string): string | undefined {
      const [iv, tag, body] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
      if (!iv || !tag || !body || iv.length !== 12 || tag.length !== 16) return undefined;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, iv);
        decipher.setAuthTag(tag);
        return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
      } catch {
        return undefined;
      }
    },
  };
}
export type Sealer = ReturnType<typeof createSealer>;
