/**
 * Open the database the configuration names: DATABASE_URL when set, otherwise the embedded
 * Postgres in DATA_DIR. Then apply migrations (advisory-locked) and seed reference data.
 */
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { connectDatabase, type Database } from './client.ts';
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedServer } from './embedded.ts';
import { migrateDatabase } from './migrate.ts';
import { seedReferenceData } from './seed/index.ts';

export interface OpenedDatabase extends Database {
  embedded: EmbeddedServer | null;
  /** Close the pool, then stop the embedded server if this process started it. */
  shutdown(): Promise<void>;
}

export async function openDatabase(config: Config, logger: Logger, options: { migrate?: boolean; seed?: boolean } = {}): Promise<OpenedDatabase> {
  let url = config.DATABASE_URL;
  let embedded: EmbeddedServer | null = null;
  if (!url) {
    embedded = await startEmbeddedPostgres({ dataDir: config.DATA_DIR, port: config.EMBEDDED_PG_PORT, logger });
    await ensureDatabase(embedded.url('postgres'), 'tradewire');
    url = embedded.url('tradewire');
  }
  if (options.migrate !== false) {
    const result = await migrateDatabase(url);
    logger.info({ applied: result.applied, total: result.total }, result.applied ? 'database migrated' : 'database schema is up to date');
  }
  const database = connectDatabase(url, { poolSize: config.DATABASE_POOL_SIZE });
  if (options.seed !== false) await seedReferenceData(database.db);
  return {
    ...database,
    embedded,
    async shutdown() {
      await database.close().catch(() => {});
      if (embedded) await embedded.stop();
    },
  };
}
