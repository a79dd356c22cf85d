import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const dbImports = {
  patterns: [
    { group: ['drizzle-orm', 'drizzle-orm/*', 'pg', '**/db/*', '**/db'], message: 'Adapters, console, webhooks and jobs call services; they do not touch the database (DESIGN.md).' },
  ],
};

export default tseslint.config(
  { ignores: ['node_modules/', 'migrations/', '.data/', '.tmp/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
      'no-restricted-imports': ['error', { paths: [{ name: 'decimal.js', message: "Import { Decimal } from 'src/shared/money.ts' (configured precision)." }] }],
    },
  },
  { files: ['src/shared/money.ts'], rules: { 'no-restricted-imports': 'off' } },
  { files: ['src/bots/**', 'src/admin/**', 'src/http/**', 'src/jobs/**'], rules: { 'no-restricted-imports': ['error', dbImports] } },
  {
    files: ['src/engines/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'decimal.js', message: "Import { Decimal } from '../shared/money.ts'." }],
        patterns: [{ group: ['drizzle-orm', 'pg', 'ccxt', 'grammy', 'discord.js', 'hono', 'node:fs', 'node:net', 'node:http', '**/db/*', '**/services/*', '**/exchanges/*', '**/bots/*', '**/jobs/*'], message: 'Engines are pure: no I/O, no other layers.' }],
      }],
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'Engines take time as an argument.' }, { object: 'Math', property: 'random', message: 'Engines are deterministic.' }],
    },
  },
);
