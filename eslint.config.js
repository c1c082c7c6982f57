import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'crypto',
  'child_process',
  'http',
  'url',
  'util',
  'stream',
  'zlib',
  'worker_threads',
];

/** Folder boundaries of ARCHITECTURE.md §2, enforced in `npm test`. */
const noElectron = { group: ['electron'], message: 'Only electron/main and electron/preload may import electron.' };
const noNode = { group: nodeBuiltins, message: 'This code runs in the renderer or in both processes: no Node APIs.' };
const noCore = {
  group: ['**/electron/**', '../electron/*', '../../electron/*'],
  message: 'The renderer talks to the core only through the contract (api/client.ts).',
};

export default tseslint.config(
  {
    ignores: [
      '.tmp/**',
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'resources/**',
      'docs/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off',
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
    },
  },
  {
    // Plain Node scripts (ESM JavaScript).
    files: ['**/*.mjs', '*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    // Tool configuration in CommonJS (.dependency-cruiser.cjs).
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/server/**/*.ts', 'electron/cli/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noElectron] }] },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noElectron, noNode, noCore] }] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [noElectron, noNode, noCore] }],
    },
  },
);
