// ESLint: typescript-eslint's recommended rules everywhere, React hooks rules in the renderer, and
// the layer rules of ARCHITECTURE.md as import restrictions (scripts/layers.test.ts checks the same
// from the other side, so either tool alone catches a crossed layer).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['node:*', 'fs', 'path', 'os', 'child_process', 'worker_threads', 'crypto', 'http', 'url'];
const RENDERER_PATTERNS = [
  { group: NODE_BUILTINS, message: 'the renderer runs in the browser: no Node built-ins.' },
  { group: ['electron', 'better-sqlite3'], message: 'the renderer talks to the backend only through the contract.' },
  { group: ['**/electron/**'], message: 'the renderer never imports backend code.' },
];
const SHARED_PATTERNS = [
  { group: NODE_BUILTINS, message: 'shared/ is pure TypeScript: no Node built-ins.' },
  {
    group: ['electron', 'better-sqlite3', 'react', 'react-dom', 'zustand'],
    message: 'shared/ imports no runtime-specific package.',
  },
  {
    group: ['../electron/**', '../../electron/**', '../renderer/**', '../../renderer/**'],
    message: 'shared/ imports only shared/.',
  },
];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'playwright-report/', 'build/', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-irregular-whitespace': [
        'error',
        { skipStrings: true, skipRegExps: true, skipTemplates: true, skipComments: true },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: SHARED_PATTERNS,
        },
      ],
    },
  },
  {
    // The rule book reads observations only (scripts/layers.test.ts checks every import it reaches).
    files: ['shared/engine/decide.ts', 'shared/engine/explain.ts', 'shared/engine/facts.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...SHARED_PATTERNS,
            {
              group: ['../scenario', '../scenario/*', './truth', './online', './observe'],
              message: 'the rule book never sees the truth: read the observation (shared/observation/types.ts).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/*.config.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/set-state-in-effect': 'error',
      'react-hooks/purity': 'error',
      'react-hooks/incompatible-library': 'error',
      'no-restricted-imports': ['error', { patterns: RENDERER_PATTERNS }],
    },
  },
  {
    // components/ are the pieces views are built from: a component never imports a view
    files: ['renderer/src/components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...RENDERER_PATTERNS,
            { group: ['**/views/**'], message: 'a component never imports a view (views are built from components).' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main/**', 'electron/preload/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron'], message: 'only electron/main and electron/preload import electron.' },
            { group: ['**/renderer/**'], message: 'the backend never imports the renderer.' },
          ],
        },
      ],
    },
  },
);
