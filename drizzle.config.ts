import { defineConfig } from 'drizzle-kit';

// Used by `npm run db:generate` (migrations are generated, committed, and applied at start-up)
// and `npm run db:studio` (which needs DATABASE_URL).
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema/index.ts',
  out: './migrations',
  casing: 'snake_case',
  dbCredentials: { url: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:54329/tradewire' },
});
