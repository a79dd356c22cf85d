import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';

describe('config', () => {
  it('needs no variable at all', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.ROLE).toBe('all');
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '  ' }).PORT).toBe(3000);
  });

  it.each([
    [{ PORT: 'abc' }, /^Invalid environment variable PORT: must be a port number \(got "abc"\)$/],
    [{ PORT: '70000' }, /PORT: must be between 1 and 65535/],
    [{ ROLE: 'chef' }, /ROLE: must be all, web, worker or scheduler/],
    [{ DATABASE_URL: 'mysql://u@h/db' }, /DATABASE_URL: must be a postgres/],
    [{ SEED_DEMO: 'maybe' }, /SEED_DEMO: must be true or false/],
    [{ TELEGRAM_BOT_TOKEN: 'nope' }, /TELEGRAM_BOT_TOKEN: must look like/],
    [{ PUBLIC_URL: 'not a url' }, /PUBLIC_URL: must be a URL/],
    [{ MASTER_KEY: 'short' }, /MASTER_KEY: must be 32 bytes/],
  ])('rejects %o with one clear line', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    try {
      loadConfig(env);
    } catch (error) {
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).not.toContain('\n');
    }
  });

  it('never echoes a secret value in the error', () => {
    const secret = 'postgres-but-not-really-s3cr3t';
    expect(() => loadConfig({ DATABASE_URL: secret })).toThrow(/DATABASE_URL/);
    try {
      loadConfig({ DATABASE_URL: secret });
    } catch (error) {
      expect((error as Error).message).not.toContain(secret);
    }
  });

  it('parses booleans and numbers', () => {
    const config = loadConfig({ SEED_DEMO: 'false', PORT: '8080', MASTER_KEY: 'a'.repeat(64) });
    expect(config.SEED_DEMO).toBe(false);
    expect(config.PORT).toBe(8080);
  });
});
