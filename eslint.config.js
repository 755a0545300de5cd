// ESLint flat config: typescript-eslint's recommended rules (not type-checked, to stay fast) and the
// import boundaries of DESIGN.md per folder. dependency-cruiser checks the same boundaries on resolved
// paths, transitively; this is the cheap first line that shows up in the editor.
import { builtinModules } from 'node:module';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = builtinModules.filter((name) => !name.startsWith('_'));

/** A relative import that climbs out to one of the repository's top-level folders, e.g. '../../db/store'. */
const relativeFolder = (folders) => `^(\\.\\./)+(${folders.join('|')})(/|$)`;

const nodeBuiltins = (why) => [
  { group: ['node:*'], message: why },
  { regex: `^(${NODE_BUILTINS.map((name) => name.replace(/[/]/g, '\\/')).join('|')})$`, message: why },
];
const packages = (names, why) => [{ regex: `^(${names.join('|')})(/|$)`, message: why }];
const folders = (names, why) => [{ regex: relativeFolder(names), message: why }];

const UI_PACKAGES = ['react', 'react-dom', 'react-i18next', 'lexical', '@lexical/[^/]+', '@fontsource/[^/]+'];

/** One no-restricted-imports block per folder: flat config replaces, not merges, a rule's options. */
const boundaries = [
  {
    files: ['shared/**'],
    patterns: [
      ...nodeBuiltins('shared/ is pure: it runs in Node and in the browser, so no Node built-ins.'),
      ...packages(['electron', 'better-sqlite3', 'i18next', ...UI_PACKAGES], 'shared/ is pure: only shared/ and pure packages such as zod.'),
      ...folders(['db', 'electron', 'renderer', 'cli', 'tests'], 'shared/ imports only shared/.'),
    ],
  },
  {
    files: ['db/**'],
    patterns: [
      ...packages(['electron', 'i18next', ...UI_PACKAGES], 'db/ is the Node store: no Electron, no UI libraries.'),
      ...folders(['electron', 'renderer', 'cli', 'tests'], 'db/ imports only shared/ and db/.'),
    ],
  },
  {
    files: ['electron/**'],
    patterns: [
      ...packages(UI_PACKAGES, 'electron/ is the main and preload processes: the UI lives in renderer/.'),
      ...folders(['renderer', 'cli', 'tests'], 'electron/ imports only shared/, db/ and electron/.'),
    ],
  },
  {
    files: ['renderer/**'],
    ignores: ['renderer/*.config.*'], // vite.config.ts is build tooling that runs in Node
    patterns: [
      ...nodeBuiltins('renderer/ runs in Chromium: no Node built-ins (talk to the node side through the RPC client).'),
      ...packages(['electron', 'better-sqlite3'], 'renderer/ runs in Chromium: reach Electron and SQLite only through the RPC client.'),
      ...folders(['db', 'electron', 'cli', 'tests'], 'renderer/ imports only shared/ and renderer/: the database is behind the RPC client.'),
    ],
  },
  {
    files: ['cli/**'],
    patterns: [
      ...packages(['electron', ...UI_PACKAGES], 'cli/ runs in plain Node: no Electron, no UI libraries.'),
      ...folders(['electron', 'renderer', 'tests'], 'cli/ imports only shared/, db/ and cli/.'),
    ],
  },
];

export default defineConfig(
  globalIgnores(['dist/', 'release/', 'node_modules/', 'coverage/', 'test-results/', 'playwright-report/', '.ci/node/']),
  tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  ...boundaries.map(({ files, ignores, patterns }) => ({
    files,
    ...(ignores ? { ignores } : {}),
    rules: { 'no-restricted-imports': ['error', { patterns }] },
  })),
);
