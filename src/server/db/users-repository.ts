import { z } from 'zod';
import type { Db } from './database';
import { hashPassword, hashSecret, newSecret } from '../lib/passwords';

const UserRowSchema = z.object({
  Id: z.number().int(),
  Email: z.string(),
  PasswordHash: z.string(),
  IsAdmin: z.number().transform((n) => n === 1),
  Roles: z.string().transform((s) => z.array(z.string()).parse(JSON.parse(s))),
});
export type User = z.infer<typeof UserRowSchema>;

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

const REFRESH_TTL_MS = 15 * 24 * 3600 * 1000;

export function createUsersRepository(db: Db) {
  const byEmail = db.prepare('SELECT * FROM users WHERE Email = ?');
  const byId = db.prepare('SELECT * FROM users WHERE Id = ?');
  const byAccess = db.prepare('SELECT u.* FROM access_tokens a JOIN users u ON u.Id = a.UserId WHERE a.TokenHash = ? AND a.ExpiresAt > ?');
  const insertAccess = db.prepare('INSERT INTO access_tokens (TokenHash, UserId, ExpiresAt) VALUES (?, ?, ?)');
  const insertRefresh = db.prepare('INSERT INTO refresh_tokens (TokenHash, UserId, ClientId, ExpiresAt) VALUES (?, ?, ?, ?)');
  const refreshRow = db.prepare('SELECT r.*, u.Email FROM refresh_tokens r JOIN users u ON u.Id = r.UserId WHERE r.TokenHash = ?');
  const retireRefresh = db.prepare('UPDATE refresh_tokens SET UsedAt = ? WHERE UserId = ? AND ClientId = ? AND UsedAt IS NULL');
  const pruneAccess = db.prepare('DELETE FROM access_tokens WHERE ExpiresAt <= ?');

  const parseUser = (row: unknown) => (row === undefined ? undefined : UserRowSchema.parse(row));

  return {
    findByEmail: (email: string): User | undefined => parseUser(byEmail.get(email)),
    findById: (id: number): User | undefined => parseUser(byId.get(id)),
    findByAccessToken: (token: string, now: Date): User | undefined => parseUser(byAccess.get(hashSecret(token), now.toISOString())),

    async create(email: string, password: string, isAdmin: boolean, roles: string[]): Promise<number> {
      const hash = await hashPassword(password);
      return Number(
        db
          .prepare('INSERT INTO users (Email, PasswordHash, IsAdmin, Roles, CreatedOn) VALUES (?, ?, ?, ?, ?)')
          .run(email, hash, isAdmin ? 1 : 0, JSON.stringify(roles), new Date().toISOString()).lastInsertRowid,
      );
    },

    /** Creates or resets a service account (e.g. the gateway's own API user) with these roles. */
    async upsertServiceUser(email: string, password: string, roles: string[]): Promise<void> {
      const hash = await hashPassword(password);
      db.prepare(
        `INSERT INTO users (Email, PasswordHash, IsAdmin, Roles, CreatedOn) VALUES (?, ?, 0, ?, ?)
         ON CONFLICT (Email) DO UPDATE SET PasswordHash = excluded.PasswordHash, Roles = excluded.Roles, IsAdmin = 0`,
      ).run(email, hash, JSON.stringify(roles), new Date().toISOString());
      db.prepare('DELETE FROM refresh_tokens WHERE UserId = (SELECT Id FROM users WHERE Email = ?)').run(email);
    },

    count: (): number => Number(db.prepare("SELECT COUNT(*) FROM users WHERE Email NOT LIKE '%@tapdesk.internal'").pluck().get()),

    /** Issues an access token and a refresh token; earlier refresh tokens of this client stop working. */
    issueTokens(userId: number, clientId: string, ttlSeconds: number, now: Date): IssuedTokens {
      const accessToken = newSecret();
      const refreshToken = newSecret();
      db.transaction(() => {
        pruneAccess.run(now.toISOString());
        retireRefresh.run(now.toISOString(), userId, clientId);
        insertAccess.run(hashSecret(accessToken), userId, new Date(now.getTime() + ttlSeconds * 1000).toISOString());
        insertRefresh.run(hashSecret(refreshToken), userId, clientId, new Date(now.getTime() + REFRESH_TTL_MS).toISOString());
      })();
      return { accessToken, refreshToken, expiresIn: ttlSeconds };
    },

    /**
     * The refresh token's owner and client id if it is current for that client id, else undefined.
     * Without a client id the sign-in's default applies: the user's email (as Nexudus documents).
     */
    redeemRefreshToken(token: string, clientId: string | undefined, now: Date): { userId: number; clientId: string } | undefined {
      const row = z
        .object({ UserId: z.number(), ClientId: z.string(), ExpiresAt: z.string(), UsedAt: z.string().nullable(), Email: z.string() })
        .optional()
        .parse(refreshRow.get(hashSecret(token)));
      if (!row || row.UsedAt !== null || row.ExpiresAt <= now.toISOString()) return undefined;
      const expected = clientId ?? row.Email;
      if (clientId === undefined ? row.ClientId.toLowerCase() !== expected.toLowerCase() : row.ClientId !== expected) return undefined;
      return { userId: row.UserId, clientId: row.ClientId };
    },
  };
}
export type UsersRepository = ReturnType<typeof createUsersRepository>;
