import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();
async function lint(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('import boundaries', () => {
  it('stops the kiosk from importing the server', async () => {
    expect(await lint('src/kiosk/app/bad.ts', "import { buildApp } from '../../server/app';\nexport const x = buildApp;\n")).toContain(
      'no-restricted-imports',
    );
  });
  it('stops the domain from doing I/O', async () => {
    expect(await lint('src/domain/bad.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n")).toContain(
      'no-restricted-imports',
    );
  });
  it('stops one feature from importing another', async () => {
    expect(await lint('src/kiosk/features/lookup/bad.ts', "import { x } from '../checkin/api';\nexport const y = x;\n")).toContain(
      'no-restricted-imports',
    );
  });
  it('keeps better-sqlite3 inside src/server/db/database.ts', async () => {
    expect(await lint('src/server/nexudus/bad.ts', "import Database from 'better-sqlite3';\nexport const x = Database;\n")).toContain(
      'no-restricted-imports',
    );
    expect(await lint('src/server/db/database.ts', "import Database from 'better-sqlite3';\nexport const x = Database;\n")).not.toContain(
      'no-restricted-imports',
    );
  });
  it('lets the kiosk import the shared contract and domain', async () => {
    expect(
      await lint('src/kiosk/app/ok.ts', "import { decideCheckin } from '../../domain/decide';\nexport const x = decideCheckin;\n"),
    ).toEqual([]);
  });
});
