// Lint: the recommended JavaScript and TypeScript rules, plus the house rule that only stores speak SQL.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'test-results/**', '.tools/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // The small progressive-enhancement script runs in the browser.
    files: ['src/web/static/**/*.js'],
    languageOptions: { globals: { document: 'readonly', Intl: 'readonly' } },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.store.ts', 'src/db/**', 'src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'kysely',
              message: 'Only *.store.ts and src/db/ speak SQL.',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
);
