import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BOUNDARY_RULES = new Set(['no-restricted-imports', 'no-restricted-syntax']);

/*
 * The real eslint.config.js decides; the only override switches off type-aware linting, because
 * the files linted here are virtual and TypeScript's project service only knows files on disk.
 * The boundary rules read import paths, not types.
 */
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({
    cwd: ROOT,
    overrideConfig: [
      {
        files: ['**/*.{ts,tsx}'],
        ...tseslint.configs.disableTypeChecked,
        languageOptions: { parserOptions: { projectService: false, project: null } },
      },
    ],
  });
});

/** The boundary findings for `code` as if it were the file at `path` (relative to the repo). */
async function boundaryErrors(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport {};\n`, { filePath: `${ROOT}${path}` });
  if (!result) throw new Error(`ESLint returned no result for ${path}`);
  const fatal = result.messages.filter((message) => message.fatal);
  expect(fatal, `ESLint could not parse ${path}`).toEqual([]);
  return result.messages
    .filter((message) => message.severity === 2 && BOUNDARY_RULES.has(message.ruleId ?? ''))
    .map((message) => `${message.ruleId}: ${message.message}`);
}

describe('lint boundaries (HOUSE_STYLE.md "Layout and boundaries")', () => {
  it.each([
    'electron/services/x.ts',
    'electron/app/x.ts',
    'db/x.ts',
    'renderer/x.ts',
    'shared/x.ts',
    'test/unit/x.test.ts',
  ])("refuses import { app } from 'electron' in %s, outside the shell", async (path) => {
    const errors = await boundaryErrors(path, "import { app } from 'electron';\nvoid app;");
    expect(errors.join('\n')).toMatch(
      /no-restricted-imports: 'electron' import is restricted.*Only the Electron shell/,
    );
  });

  it("refuses a dynamic import('electron') and require('electron') outside the shell", async () => {
    const errors = await boundaryErrors(
      'electron/services/x.ts',
      "declare const require: (id: string) => unknown;\nvoid import('electron');\nvoid require('electron/main');",
    );
    expect(errors.filter((error) => error.startsWith('no-restricted-syntax'))).toHaveLength(2);
  });

  it.each([
    'electron/shell/main.ts',
    'electron/shell/printer/pos-printer-adapter.ts',
    'test/e2e/electron/smoke.spec.ts',
  ])("allows 'electron' in the shell and its end-to-end tests: %s", async (path) => {
    expect(await boundaryErrors(path, "import { app } from 'electron';\nvoid app;")).toEqual([]);
  });

  it('refuses the database code from the renderer', async () => {
    const errors = await boundaryErrors(
      'renderer/x.ts',
      "import * as schema from '../db/schema.ts';\nvoid schema;",
    );
    expect(errors.join('\n')).toMatch(
      /no-restricted-imports: .*renderer\/ reaches the desk only through the typed API/,
    );
  });

  it('refuses main-process code from the renderer and from db/', async () => {
    const fromRenderer = await boundaryErrors(
      'renderer/features/x.ts',
      "import { openDesk } from '../../electron/app/desk.ts';\nvoid openDesk;",
    );
    const fromDb = await boundaryErrors(
      'db/x.ts',
      "import { openDesk } from '../electron/app/desk.ts';\nvoid openDesk;",
    );
    expect(fromRenderer).toHaveLength(1);
    expect(fromDb).toHaveLength(1);
  });

  it('refuses any other project folder from shared/', async () => {
    const errors = await boundaryErrors(
      'shared/x.ts',
      "import * as schema from '../db/schema.ts';\nvoid schema;",
    );
    expect(errors.join('\n')).toMatch(
      /no-restricted-imports: .*shared\/ imports no other project folder/,
    );
  });

  it.each([
    ['shared/x.ts', "import fs from 'node:fs';\nvoid fs;"],
    ['shared/x.ts', "import { join } from 'path';\nvoid join;"],
    ['renderer/x.ts', "import { readFile } from 'fs/promises';\nvoid readFile;"],
  ])('refuses Node built-ins in %s: %s', async (path, code) => {
    const errors = await boundaryErrors(path, code);
    expect(errors.join('\n')).toMatch(/no-restricted-imports: .*no Node built-ins here/);
  });

  it('allows Node built-ins where Node runs', async () => {
    expect(await boundaryErrors('db/x.ts', "import fs from 'node:fs';\nvoid fs;")).toEqual([]);
    expect(
      await boundaryErrors(
        'electron/services/x.ts',
        "import { join } from 'node:path';\nvoid join;",
      ),
    ).toEqual([]);
  });

  it('allows the renderer to use shared/, and shared/ folders named like Node modules', async () => {
    expect(
      await boundaryErrors(
        'renderer/features/x.ts',
        "import { METHODS } from '../../shared/api/contract.ts';\nimport * as statuses from '../../shared/domain/statuses.ts';\nvoid METHODS; void statuses;",
      ),
    ).toEqual([]);
  });

  it('allows electron/ to use db/ and shared/', async () => {
    expect(
      await boundaryErrors(
        'electron/services/x.ts',
        "import { openDatabase } from '../../db/database.ts';\nimport { METHODS } from '../../shared/api/contract.ts';\nvoid openDatabase; void METHODS;",
      ),
    ).toEqual([]);
  });
});
