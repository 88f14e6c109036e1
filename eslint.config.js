// Lint, and the layering rules that keep each runtime's code on its side of the line.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'fs/promises', 'path', 'os', 'child_process', 'http', 'crypto', 'net', 'url', 'worker_threads'];

/**
 * Builds a no-restricted-imports rule. The bare module `electron` is matched
 * by name: as a pattern it would also match our own electron/ folder.
 */
const forbid = (groups) => [
  'error',
  {
    paths: groups.filter((g) => g.group.includes('electron')).map(({ message }) => ({ name: 'electron', message })),
    patterns: groups
      .map(({ group, message }) => ({ group: group.filter((name) => name !== 'electron'), message }))
      .filter(({ group }) => group.length > 0),
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.name='eval']", message: 'No eval.' }],
    },
  },
  {
    // Plain Node scripts that also hand functions to the browser (bench); the globals differ by side, so undefined names are left to review.
    files: ['scripts/**/*.mjs', 'eslint.config.js'],
    rules: { 'no-undef': 'off' },
  },
  {
    // Playwright fixtures declare their dependencies with a destructuring pattern, empty when there are none.
    files: ['tests/e2e/**'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    files: ['electron/core/**', 'electron/api/**'],
    rules: {
      'no-restricted-imports': forbid([
        { group: ['electron', ...nodeBuiltins], message: 'Bad layering: core and api run everywhere (renderer, Node, Electron); no electron or Node built-ins.' },
        { group: ['**/library/**', '**/main/**', '**/host/**', '**/renderer/**', 'react', 'react-dom'], message: 'Bad layering: core and api import only core and api.' },
      ]),
    },
  },
  {
    files: ['electron/library/**', 'electron/host/**'],
    rules: {
      'no-restricted-imports': forbid([
        { group: ['electron'], message: 'Bad layering: the library and the browser host run in plain Node; only electron/main and the preload import electron.' },
        { group: ['**/main/**', '**/renderer/**', 'react', 'react-dom'], message: 'Bad layering: the Node side does not import the Electron main process or the renderer.' },
      ]),
    },
  },
  {
    files: ['electron/preload.ts'],
    rules: {
      'no-restricted-imports': forbid([
        { group: ['**/library/**', '**/host/**', '**/main/**', ...nodeBuiltins], message: 'Bad layering: the sandboxed preload forwards the contract and nothing else.' },
      ]),
    },
  },
  {
    files: ['renderer/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': forbid([
        { group: ['electron', ...nodeBuiltins], message: 'Bad layering: the renderer never touches Node or Electron; it only calls the API.' },
        { group: ['**/electron/library/**', '**/electron/main/**', '**/electron/host/**', '**/electron/main', '**/electron/preload'], message: 'Bad layering: the renderer imports electron/api (types, client) and electron/core only.' },
      ]),
    },
  },
);
