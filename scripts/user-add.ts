/**
 * Creates an API user: `npm run user:add -- --email kiosk@example.com --roles Checkin-Create,Checkin-List`
 * (or `--admin`). The password comes from --password or is generated and printed once.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadConfig } from '../src/server/config';
import { openDatabase } from '../src/server/db/database';
import { createUsersRepository } from '../src/server/db/users-repository';
import { ALL_ENTITIES, ALL_OPS } from '../src/server/nexudus/auth';

const ROLES = ALL_ENTITIES.flatMap((entity) => ALL_OPS.map((op) => `${entity}-${op}`));

const ArgsSchema = z.object({
  email: z.email({ error: '--email must be an email address' }),
  password: z.string().min(8, { error: '--password must be at least 8 characters' }).optional(),
  admin: z.boolean().default(false),
  roles: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((r) => r.trim())
        .filter(Boolean),
    )
    .refine((roles) => roles.every((r) => ROLES.includes(r)), { error: `--roles must be a comma-separated list of: ${ROLES.join(', ')}` }),
});

try {
  const { values } = parseArgs({
    options: { email: { type: 'string' }, password: { type: 'string' }, admin: { type: 'boolean' }, roles: { type: 'string' } },
  });
  const args = ArgsSchema.parse(values);
  if (!args.admin && args.roles.length === 0) throw new Error('Give --admin or --roles.');
  const db = openDatabase(loadConfig(process.env).DB_PATH);
  const users = createUsersRepository(db);
  if (users.findByEmail(args.email)) throw new Error(`A user ${args.email} already exists.`);
  const password = args.password ?? randomBytes(12).toString('base64url');
  await users.create(args.email, password, args.admin, args.roles);
  db.close();
  console.log(`Created ${args.email} (${args.admin ? 'administrator' : args.roles.join(', ')}).`);
  if (!args.password) console.log(`Password (shown once): ${password}`);
} catch (error) {
  console.error(
    error instanceof z.ZodError ? error.issues.map((i) => i.message).join('\n') : error instanceof Error ? error.message : String(error),
  );
  process.exit(2);
}
