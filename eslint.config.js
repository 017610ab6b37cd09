// `npm run lint`: ESLint with typescript-eslint's recommended rules over every TypeScript file, and
// the type-aware rules that catch what tsc does not: a promise nobody awaits or handles, a promise
// where a callback's result is ignored, `await` on a value that is not a promise. The whole
// type-checked preset is not switched on: its unsafe-any rules fire on every JSON body a test
// reads, which is what tests do. Every rule switched off below says why (docs/decisions/034).
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'reports/', 'spec/spec-types.ts'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // tsc's noUnusedLocals reports the same; `_name` is the convention for a value left out on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    files: ['**/*.cjs', 'bin/*.js', 'eslint.config.js'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', globalThis: 'readonly', console: 'readonly', process: 'readonly' } },
  },
  {
    // Off in tests only: a test reads JSON answers of every shape the API has and asserts on their
    // fields; typing each body would restate the spec that `expectSpecResponse` already checks.
    files: ['**/*.test.ts', 'mock/testing/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Off: Dredd loads its hook files with `require`, so hooks.cjs is CommonJS and `require` is its import.
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
