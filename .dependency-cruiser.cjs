// dependency-cruiser: the layering of DESIGN.md on resolved paths, transitively, where ESLint only
// sees import strings. Run by `npm run lint` over shared db electron renderer cli.

const APP = '^(shared|db|electron|renderer|cli)/';
// Tests, and the helpers that only tests import (test-support/ folders), may use test tools.
const TEST_FILE = '(\\.test\\.tsx?$|/test-support/)';
const UI_PACKAGES = 'node_modules/(react|react-dom|react-i18next|lexical|@lexical/[^/]+|@fontsource/[^/]+)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle makes the load order matter and the layers impossible to see: move the shared part down.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'renderer-never-reaches-db',
      severity: 'error',
      comment: 'The renderer runs in Chromium and talks to the database only through the RPC client, even indirectly.',
      from: { path: '^renderer/' },
      to: { path: '^db/', reachable: true },
    },
    {
      name: 'renderer-browser-only',
      severity: 'error',
      comment: 'renderer/ runs in Chromium: no Node built-ins, Electron, better-sqlite3, electron/ or cli/.',
      from: { path: '^renderer/', pathNot: '^renderer/[^/]+\\.config\\.[cm]?[jt]s$' },
      to: { path: ['^(electron|cli|tests)/', 'node_modules/(electron|better-sqlite3)/'] },
    },
    {
      name: 'renderer-no-node-builtins',
      severity: 'error',
      comment: 'renderer/ runs in Chromium: Node built-ins are not there.',
      from: { path: '^renderer/', pathNot: '^renderer/[^/]+\\.config\\.[cm]?[jt]s$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'shared-only-shared-and-zod',
      severity: 'error',
      comment: 'shared/ is pure and runs everywhere: it may use shared/ and zod, nothing else (tests may also use test tools).',
      from: { path: '^shared/', pathNot: TEST_FILE },
      to: { pathNot: ['^shared/', '^node_modules/zod/'] },
    },
    {
      name: 'db-node-only',
      severity: 'error',
      comment: 'db/ is the Node store: no Electron, no UI, and nothing from the folders that use it.',
      from: { path: '^db/' },
      to: { path: ['^(electron|renderer|cli|tests)/', 'node_modules/electron/', UI_PACKAGES] },
    },
    {
      name: 'electron-not-to-ui-or-cli',
      severity: 'error',
      comment: 'electron/ is the main and preload processes: it uses shared/ and db/, never renderer/ or cli/.',
      from: { path: '^electron/' },
      to: { path: ['^(renderer|cli|tests)/', UI_PACKAGES] },
    },
    {
      name: 'cli-not-to-electron-or-renderer',
      severity: 'error',
      comment: 'cli/ runs in plain Node: it uses shared/ and db/, never Electron or renderer/.',
      from: { path: '^cli/' },
      to: { path: ['^(electron|renderer|tests)/', 'node_modules/electron/', UI_PACKAGES] },
    },
    {
      name: 'app-never-imports-tests',
      severity: 'error',
      comment: 'tests/ may import anything; nothing the app ships may import tests/.',
      from: { path: APP, pathNot: TEST_FILE },
      to: { path: '^tests/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|release|coverage|test-results|playwright-report)/' },
    // Type-only imports count: a renderer file must not even name db/ types.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
      extensions: ['.ts', '.tsx', '.d.ts', '.js', '.mjs', '.cjs', '.json'],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
