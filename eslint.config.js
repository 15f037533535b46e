// @ts-check
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/*
 * One flat config for the repo. Besides the usual recommended sets it enforces the folder
 * boundaries of HOUSE_STYLE.md, so a file cannot import what its process does not have:
 *   shared/   nothing from Node, the DOM, Electron, or another project folder
 *   renderer/ shared/ only        db/ shared/ only        electron/ db/ and shared/
 *   'electron' only in the shell (electron/shell/**) and the Electron end-to-end tests.
 */

const ELECTRON_ONLY_IN_SHELL =
  "Only the Electron shell (electron/shell/**) imports 'electron': anywhere else it would try to download the Electron binary, and browser mode has no Electron (DESIGN.md §2).";
const NO_NODE_HERE =
  'shared/ and renderer/ run in the browser too: no Node built-ins here. Put the Node part in electron/ or db/ behind the API.';

const electronImports = {
  paths: [{ name: 'electron', message: ELECTRON_ONLY_IN_SHELL }],
  patterns: [{ regex: '^electron/', message: ELECTRON_ONLY_IN_SHELL }],
};
// Anchored: a gitignore-style group would also match a project folder that shares a name with a
// built-in (shared/domain/ vs the `domain` module).
const nodeBuiltinImports = {
  regex: `^(node:.*|(${builtinModules.filter((name) => !name.startsWith('_')).join('|')})(/.*)?)$`,
  message: NO_NODE_HERE,
};
// Dynamic import('electron') and require('electron') slip past no-restricted-imports.
const electronAtRuntime = [
  {
    selector: 'ImportExpression > Literal[value=/^electron(\\u002F|$)/]',
    message: ELECTRON_ONLY_IN_SHELL,
  },
  {
    selector: "CallExpression[callee.name='require'] > Literal[value=/^electron(\\u002F|$)/]",
    message: ELECTRON_ONLY_IN_SHELL,
  },
];

/**
 * A relative import that climbs out of its folder into one of `folders` (`../../db/schema.ts`).
 * @type {(folders: string[], message: string) => { regex: string; message: string }}
 */
const outOfBounds = (folders, message) => ({
  regex: `^(\\.\\./)+(${folders.join('|')})(/|$)`,
  message,
});

/** @type {(patterns: { regex: string; message: string }[], banElectron?: boolean) => import('eslint').Linter.RuleEntry} */
const restrictImports = (patterns, banElectron = true) => [
  'error',
  banElectron
    ? { paths: electronImports.paths, patterns: [...electronImports.patterns, ...patterns] }
    : { patterns },
];

const SHARED_IS_PURE = outOfBounds(
  ['renderer', 'db', 'electron', 'test'],
  'shared/ imports no other project folder: it is the pure core both processes share.',
);
const RENDERER_USES_THE_API = outOfBounds(
  ['db', 'electron', 'test'],
  'renderer/ reaches the desk only through the typed API in shared/api.',
);
const DB_BELOW_SERVICES = outOfBounds(
  ['renderer', 'electron', 'test'],
  'db/ imports only shared/: services in electron/ call the repositories, not the other way round.',
);
const ELECTRON_SERVES_THE_RENDERER = outOfBounds(
  ['renderer', 'test'],
  'electron/ serves the renderer over the API; it does not import its code.',
);

export default defineConfig([
  globalIgnores([
    'out/',
    'dist/',
    'node_modules/',
    'db/migrations/',
    'test-results/',
    'playwright-report/',
    'coverage/',
  ]),

  js.configs.recommended,

  {
    name: 'rs-desk/javascript',
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module', globals: globals.node },
  },

  {
    name: 'rs-desk/typescript',
    files: ['**/*.{ts,tsx}'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Unused arguments named _x document a callback's shape (e.g. Electron's handlers).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // Repositories and services are async by contract even while SQLite answers synchronously,
      // so a PostgreSQL backend can slot in later (DESIGN.md §5): an async body without await is
      // the design, not a slip.
      '@typescript-eslint/require-await': 'off',
    },
  },

  {
    name: 'rs-desk/react-hooks',
    files: ['renderer/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
    languageOptions: { globals: globals.browser },
  },

  // Folder boundaries (HOUSE_STYLE.md) with ESLint's own no-restricted-imports: one entry per
  // folder, since a later entry for the same rule replaces an earlier one for the files it matches.
  {
    name: 'rs-desk/boundaries',
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    rules: {
      'no-restricted-imports': restrictImports([]),
      'no-restricted-syntax': ['error', ...electronAtRuntime],
    },
  },
  {
    name: 'rs-desk/boundaries-shared',
    files: ['shared/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': restrictImports([nodeBuiltinImports, SHARED_IS_PURE]) },
  },
  {
    name: 'rs-desk/boundaries-renderer',
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrictImports([nodeBuiltinImports, RENDERER_USES_THE_API]),
    },
  },
  {
    name: 'rs-desk/boundaries-db',
    files: ['db/**/*.ts'],
    rules: { 'no-restricted-imports': restrictImports([DB_BELOW_SERVICES]) },
  },
  {
    name: 'rs-desk/boundaries-electron',
    files: ['electron/**/*.ts'],
    rules: { 'no-restricted-imports': restrictImports([ELECTRON_SERVES_THE_RENDERER]) },
  },
  {
    name: 'rs-desk/electron-shell',
    files: ['electron/shell/**/*.ts'],
    rules: {
      'no-restricted-imports': restrictImports([ELECTRON_SERVES_THE_RENDERER], false),
      'no-restricted-syntax': 'off',
    },
  },
  {
    name: 'rs-desk/electron-e2e',
    files: ['test/e2e/electron/**/*.ts'],
    rules: { 'no-restricted-imports': 'off', 'no-restricted-syntax': 'off' },
  },
]);
