import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import globals from 'globals'

// Boundaries (ARCHITECTURE.md): only src/main/electron imports electron; the renderer never
// imports main code or Node built-ins; shared imports nothing outside itself.
const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url', 'zlib', 'stream']

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'coverage/**', '.bench-data/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Only src/main/electron may import electron.' }] }],
    },
  },
  {
    files: ['src/main/electron/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer talks to main only through window.api.' }],
          patterns: [
            { group: ['**/main/**', '**/src/main/*'], message: 'The renderer never imports main-process code.' },
            { group: nodeBuiltins, message: 'The renderer runs sandboxed: no Node built-ins.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'shared runs anywhere.' }],
          patterns: [
            { group: ['**/main/**', '**/renderer/**'], message: 'shared imports nothing outside itself.' },
            { group: nodeBuiltins, message: 'shared runs anywhere: no Node built-ins.' },
          ],
        },
      ],
    },
  },
  {
    // Head office shares only src/shared (with the export's declarations) with the dealership;
    // its tests and test kit may drive a generated dealership.
    files: ['src/head-office/**'],
    ignores: ['src/head-office/**/*.test.ts', 'src/head-office/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Head office runs without electron.' }],
          patterns: [{ group: ['**/main/**', '**/renderer/**'], message: 'Head office shares only src/shared with the dealership.' }],
        },
      ],
    },
  },
  {
    files: ['**/*.test.ts', 'e2e/**', 'bench/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
)
