/**
 * `npm run db:migrate` and `npm run db:seed`: the same steps start-up runs, on their own.
 */
import { ConfigError, loadConfig } from '../config.ts';
import { createLogger } from '../logger.ts';
import { openDatabase } from './bootstrap.ts';

const command = process.argv[2];
if (command !== 'migrate' && command !== 'seed') {
  process.stderr.write('usage: tsx src/db/cli.ts migrate|seed\n');
  process.exit(2);
}
try {
  const config = loadConfig();
  const logger = createLogger({ level: config.LOG_LEVEL });
  const database = await openDatabase(config, logger, { migrate: true, seed: command === 'seed' });
  logger.info(command === 'seed' ? 'reference data seeded' : 'migrations applied');
  await database.shutdown();
} catch (error) {
  process.stderr.write(`${error instanceof ConfigError ? error.message : `db:${command} failed: ${(error as Error).message}`}\n`);
  process.exit(1);
}
