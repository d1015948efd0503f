import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import globals from 'globals'

// Boundaries (ARCHITECTURE.md), each one failing lint, for static imports, `import type`, dynamic
// `import()` and `require()` alike (src/main/lint-boundaries.test.ts proves every one):
// - only src/main/electron imports electron;
// - the renderer never imports main code or Node built-ins;
// - main never imports renderer code or UI packages;
// - shared imports nothing platform-bound (no Node, no database, no UI) and nothing outside itself;
// - head office shares only src/shared with the dealership.
const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url', 'zlib', 'stream', 'worker_threads']
const uiPackages = ['react', 'react-dom', 'react-dom/*', 'antd', 'antd/*', '@ant-design/*', '@tanstack/react-query', 'zustand', 'zustand/*']
const serverPackages = ['better-sqlite3', 'kysely', 'pg', 'pg-copy-streams', 'exceljs', 'iconv-lite']

/** The same groups refused for `import`, `import type`, `import()` and `require()`. */
function boundary(groups) {
  const toRegex = (glob) =>
    glob.startsWith('**/')
      ? `\\/${glob.slice(3).replace(/\/\*\*$/, '').replace(/\/\*$/, '')}\\/`
      : `^${glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`
  const syntax = []
  for (const { group, message } of groups) {
    // esquery reads a regex up to the next `/`, so slashes are written as \x2F.
    const pattern = group.map(toRegex).join('|').replace(/\\\//g, '/').replace(/\//g, '\\x2F')
    syntax.push(
      { selector: `ImportExpression[source.value=/${pattern}/]`, message },
      { selector: `CallExpression[callee.name='require'][arguments.0.value=/${pattern}/]`, message },
    )
  }
  return {
    'no-restricted-imports': ['error', { patterns: groups.map(({ group, message }) => ({ group, message })) }],
    'no-restricted-syntax': ['error', ...syntax],
  }
}

const ELECTRON = { group: ['electron', 'electron/*'], message: 'Only src/main/electron may import electron.' }

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'coverage/**', '.bench-data/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      ...boundary([ELECTRON]),
    },
  },
  {
    files: ['src/main/**'],
    ignores: ['src/main/electron/**'],
    rules: boundary([
      ELECTRON,
      { group: ['**/renderer/**'], message: 'Main never imports renderer code.' },
      { group: uiPackages, message: 'Main has no UI: UI packages belong to the renderer.' },
    ]),
  },
  {
    files: ['src/main/electron/**'],
    rules: boundary([
      { group: ['**/renderer/**'], message: 'Main never imports renderer code.' },
      { group: uiPackages, message: 'Main has no UI: UI packages belong to the renderer.' },
    ]),
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: boundary([
      { group: ['electron', 'electron/*'], message: 'The renderer talks to main only through window.api.' },
      { group: ['**/main/**'], message: 'The renderer never imports main-process code.' },
      { group: ['**/head-office/**'], message: 'The renderer never imports head-office code.' },
      { group: nodeBuiltins, message: 'The renderer runs sandboxed: no Node built-ins.' },
      { group: serverPackages, message: 'The renderer reaches the store only through the API.' },
    ]),
  },
  {
    files: ['src/shared/**'],
    rules: boundary([
      { group: ['electron', 'electron/*'], message: 'shared runs anywhere.' },
      { group: ['**/main/**', '**/renderer/**', '**/head-office/**'], message: 'shared imports nothing outside itself.' },
      { group: nodeBuiltins, message: 'shared runs anywhere: no Node built-ins.' },
      { group: [...serverPackages, ...uiPackages], message: 'shared runs anywhere: nothing platform-bound.' },
    ]),
  },
  {
    // Head office shares only src/shared (with the export's declarations) with the dealership;
    // its tests and test kit may drive a generated dealership.
    files: ['src/head-office/**'],
    ignores: ['src/head-office/**/*.test.ts', 'src/head-office/testing/**'],
    rules: boundary([
      { group: ['electron', 'electron/*'], message: 'Head office runs without electron.' },
      { group: ['**/main/**', '**/renderer/**'], message: 'Head office shares only src/shared with the dealership.' },
      { group: uiPackages, message: 'Head office has no UI.' },
    ]),
  },
  {
    files: ['**/*.test.ts', 'e2e/**', 'bench/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
)
