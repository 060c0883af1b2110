// Lint rules that keep the layers apart (../shared/DESIGN.md "Layers"): the engine
// and the api contract never reach a front end, and the renderer never reaches the engine.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const frontEnds = [
  { group: ['electron', 'electron/*'], message: 'engine/ and api/ run in plain Node: no Electron.' },
  { group: ['react', 'react/*', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*'], message: 'engine/ and api/ know no UI framework.' },
  { group: ['**/renderer/**', '**/electron/**', '**/cli/**'], message: 'engine/ and api/ are below every front end.' },
];

const nodeModules = ['fs', 'path', 'os', 'net', 'http', 'https', 'tls', 'crypto', 'stream', 'events', 'child_process', 'worker_threads', 'ws'];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.tsbuild/', 'out/', 'e2e/artifacts/', 'test-results/', '.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // The api maps are unions of per-domain interfaces: `interface Commands extends A, B {}`.
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'always' }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['engine/**/*.ts', 'api/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: frontEnds }],
      // DOM globals are not there in plain Node; the tsconfig lib (no "DOM") enforces the rest.
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage'],
    },
  },
  {
    files: ['api/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          ...frontEnds,
          { group: ['**/engine/**'], message: 'api/ is the contract; the engine implements it, not the other way round.' },
          { group: ['node:*'], message: 'api/ is plain JSON types: no Node modules.' },
        ],
        paths: nodeModules.map((name) => ({ name, message: 'api/ is plain JSON types: no Node modules.' })),
      }],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/engine/**', '**/engine', '!**/api/engine'], message: 'renderer/ reaches the engine only through api/.' },
          { group: ['**/electron/**', '**/cli/**'], message: 'renderer/ reaches the host only through its api client.' },
          { group: ['node:*'], message: 'renderer/ runs in a sandboxed page: no Node modules.' },
        ],
        paths: nodeModules.map((name) => ({ name, message: 'renderer/ runs in a sandboxed page: no Node modules.' })),
      }],
    },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
