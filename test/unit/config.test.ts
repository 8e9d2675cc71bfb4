import { describe, expect, test } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('configuration', () => {
  test('defaults give an embedded development setup', () => {
    const config = loadConfig({});
    expect(config.databaseUrl).toBeUndefined();
    expect(config.redisUrl).toBeUndefined();
    expect(config.port).toBe(3000);
    expect(config.role).toBe('all');
    expect(config.dataDir).toBe('./.data');
    expect(config.defaultTimeZone).toBe('Asia/Jakarta');
    expect(Object.isFrozen(config)).toBe(true);
  });

  test('one error lists every bad key at once', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      DATABASE_URL: 'mysql://x',
      REDIS_URL: 'not a url',
      ROLE: 'scheduler',
      DEFAULT_TIME_ZONE: 'Asia/Bandung',
      JWT_SECRET: 'short',
      MIGRATE_ON_START: 'maybe',
    });
    const keys = problems.map((p) => p.split(':')[0]);
    expect(keys.sort()).toEqual(
      ['DATABASE_URL', 'DEFAULT_TIME_ZONE', 'JWT_SECRET', 'MIGRATE_ON_START', 'PORT', 'REDIS_URL', 'ROLE'].sort(),
    );
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
  });

  test('production refuses to boot without a real secret and an external database', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    expect(problems.some((p) => p.startsWith('JWT_SECRET'))).toBe(true);
    expect(problems.some((p) => p.startsWith('DATABASE_URL'))).toBe(true);
    expect(problemsOf({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(31), DATABASE_URL: 'postgres://db/x' })).toEqual(
      ['JWT_SECRET: must be at least 32 characters'],
    );
    const ok = loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), DATABASE_URL: 'postgres://db/x' });
    expect(ok.env).toBe('production');
  });

  test('lists and flags are parsed; empty values count as unset', () => {
    const config = loadConfig({
      CORS_ORIGINS: 'https://a.example, https://b.example',
      TRUST_PROXY: 'true',
      REDIS_URL: '',
    });
    expect(config.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(config.trustProxy).toBe(true);
    expect(config.redisUrl).toBeUndefined();
  });
});

describe('file storage and submissions', () => {
  test('files go to PostgreSQL, at most 5 MB, unless told otherwise', () => {
    const config = loadConfig({});
    expect(config.submissionMaxBytes).toBe(5 * 1024 * 1024);
    expect(config.fileStorage).toEqual({ backend: 'postgres', dir: undefined });
    expect(loadConfig({ FILE_STORAGE: 'filesystem', FILE_STORAGE_DIR: '/srv/berkas' }).fileStorage).toEqual({
      backend: 'filesystem',
      dir: '/srv/berkas',
    });
  });

  test('filesystem storage needs its directory', () => {
    expect(problemsOf({ FILE_STORAGE: 'filesystem' })).toEqual([
      'FILE_STORAGE_DIR: required when FILE_STORAGE is filesystem',
    ]);
    expect(
      problemsOf({ FILE_STORAGE: 's3', SUBMISSION_MAX_BYTES: '10' })
        .map((p) => p.split(':')[0])
        .sort(),
    ).toEqual(['FILE_STORAGE', 'SUBMISSION_MAX_BYTES']);
  });
});
