// @ts-check
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
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

/** @type {(target: string, from: string[], message: string) => { target: string; from: string[]; message: string }} */
const boundary = (target, from, message) => ({ target, from, message });

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

  {
    name: 'rs-desk/boundaries',
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] }),
      ],
    },
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: import.meta.dirname,
          zones: [
            boundary(
              './shared',
              ['./renderer', './db', './electron', './test'],
              'shared/ imports no other project folder: it is the pure core both processes share.',
            ),
            boundary(
              './renderer',
              ['./db', './electron', './test'],
              'renderer/ reaches the desk only through the typed API in shared/api.',
            ),
            boundary(
              './db',
              ['./renderer', './electron', './test'],
              'db/ imports only shared/: services in electron/ call the repositories, not the other way round.',
            ),
            boundary(
              './electron',
              ['./renderer', './test'],
              'electron/ serves the renderer over the API; it does not import its code.',
            ),
          ],
        },
      ],
      'no-restricted-imports': ['error', electronImports],
      'no-restricted-syntax': ['error', ...electronAtRuntime],
    },
  },

  {
    name: 'rs-desk/no-node-in-shared-and-renderer',
    files: ['shared/**/*.{ts,tsx}', 'renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: electronImports.paths,
          patterns: [...electronImports.patterns, nodeBuiltinImports],
        },
      ],
    },
  },

  {
    name: 'rs-desk/electron-shell',
    files: ['electron/shell/**/*.ts', 'test/e2e/electron/**/*.ts'],
    rules: { 'no-restricted-imports': 'off', 'no-restricted-syntax': 'off' },
  },
]);
