import { describe, expect, test } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

function problemsOf(env: Record<string, string | undefined>): string[] {
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

  test('production refuses to boot without a real secret, an external database and its public URL', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    expect(problems.some((p) => p.startsWith('JWT_SECRET'))).toBe(true);
    expect(problems.some((p) => p.startsWith('DATABASE_URL'))).toBe(true);
    expect(problems.some((p) => p.startsWith('PUBLIC_URL: required in production'))).toBe(true);
    const base = {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://app:s3cret-of-its-own@db/x',
      PUBLIC_URL: 'https://diklat.example.go.id',
    };
    expect(problemsOf({ ...base, JWT_SECRET: 'x'.repeat(31) })).toEqual(['JWT_SECRET: must be at least 32 characters']);
    expect(problemsOf({ ...base, PUBLIC_URL: undefined, JWT_SECRET: 'x'.repeat(32) })).toEqual([
      'PUBLIC_URL: required in production (certificates print it in their QR code, e.g. https://diklat.example.go.id)',
    ]);
    for (const weak of ['postgres://db/x', 'postgres://postgres:change-me@postgres:5432/asn_learning']) {
      expect(problemsOf({ ...base, DATABASE_URL: weak, JWT_SECRET: 'x'.repeat(32) })).toEqual([
        'DATABASE_URL: production needs a database password of its own (none, or a placeholder such as change-me, is refused)',
      ]);
    }
    const ok = loadConfig({ ...base, JWT_SECRET: 'x'.repeat(32) });
    expect(ok.env).toBe('production');
    expect(ok.publicUrl).toBe('https://diklat.example.go.id');
  });

  test('a signing gateway is reached over HTTPS; plain HTTP only on this machine', () => {
    expect(problemsOf({ SIGNING_GATEWAY_URL: 'http://tte.example.go.id/api/sign/pdf' })).toEqual([
      'SIGNING_GATEWAY_URL: must be https:// (plain http:// only on this machine, for testing)',
    ]);
    const config = loadConfig({ SIGNING_GATEWAY_URL: 'https://tte.example.go.id/api/sign/pdf' });
    expect(config.signingGateway).toEqual({
      url: 'https://tte.example.go.id/api/sign/pdf',
      timeoutMs: 30_000,
      caFile: undefined,
    });
    expect(loadConfig({}).signingGateway).toBeUndefined();
  });

  test('lists and flags are parsed; empty values count as unset', () => {
    const config = loadConfig({
      CORS_ORIGINS: 'https://a.example, https://b.example',
      TRUST_PROXY: 'true',
      REDIS_URL: '',
    });
    expect(config.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(config.trustProxy).toBe(1);
    expect(config.redisUrl).toBeUndefined();
  });

  test('TRUST_PROXY is a hop count or a list of proxies, never "trust anyone"', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.5' }).trustProxy).toEqual(['10.0.0.0/8', '192.168.1.5']);
    expect(problemsOf({ TRUST_PROXY: 'loadbalancer' })[0]).toMatch(/^TRUST_PROXY: must be false, a number/);
    expect(problemsOf({ TRUST_PROXY: '500' })[0]).toMatch(/^TRUST_PROXY/);
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
