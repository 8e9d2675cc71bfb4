import { Writable } from 'node:stream';
import { expect, test } from 'vitest';
import { createLogger, redactSecrets } from '../../src/logger.js';

function capture() {
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _e, done) {
      for (const line of chunk.toString().split('\n'))
        if (line) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createLogger('info', sink), lines };
}

test('credentials are replaced at every level they are logged at, and the caller keeps its own objects', () => {
  const { logger, lines } = capture();
  const body = { login: '199001012020121001', password: 'hunter22', nested: { refreshToken: 'r-secret' } };
  const logged = {
    req: { headers: { authorization: 'Bearer eyJ.secret', 'user-agent': 'app' } },
    body,
    jwtSecret: 'k',
  };
  logger.info(logged, 'x');
  expect(lines[0]).toMatchObject({
    req: { headers: { authorization: '[redacted]', 'user-agent': 'app' } },
    body: { login: '199001012020121001', password: '[redacted]', nested: { refreshToken: '[redacted]' } },
    jwtSecret: '[redacted]',
  });
  // What the caller logged is untouched: it may go on to use it.
  expect(body.password).toBe('hunter22');
  expect(logged.req.headers.authorization).toBe('Bearer eyJ.secret');
});

test('an error with a credential on it is still logged as an error, with its message and stack', () => {
  const { logger, lines } = capture();
  const err = Object.assign(new Error('connection refused'), { databaseUrl: 'postgres://u:pw@db/x' });
  logger.error({ err }, 'failed');
  const logged = lines[0]!.err as Record<string, unknown>;
  expect(logged.message).toBe('connection refused');
  expect(String(logged.stack)).toContain('connection refused');
  expect(logged.databaseUrl).toBe('[redacted]');
  expect(err.databaseUrl).toBe('postgres://u:pw@db/x');
});

test('a line without credentials is passed on as it is, and deep or odd values do not trip the redaction', () => {
  const line = { method: 'POST', route: '/v1/me/progress', statusCode: 200, ms: 4.2 };
  expect(redactSecrets(line)).toBe(line);
  const circular: Record<string, unknown> = { name: 'a' };
  circular.self = circular;
  expect(() => redactSecrets(circular)).not.toThrow();
  const deep = { a: { b: { c: { d: { password: 'beyond the levels looked at' } } } } };
  expect(redactSecrets(deep)).toBe(deep);
  expect(redactSecrets([{ password: 'p' }, 'x'])).toEqual([{ password: '[redacted]' }, 'x']);
  const frozen = Object.freeze({ password: 'p', nested: Object.freeze({ passphrase: 'q' }) });
  expect(redactSecrets(frozen)).toEqual({ password: '[redacted]', nested: { passphrase: '[redacted]' } });
  const getter = Object.defineProperty({}, 'accessToken', { get: () => 't', enumerable: true });
  expect(redactSecrets(getter)).toEqual({ accessToken: '[redacted]' });
  const bytes = Buffer.from('password');
  expect(redactSecrets({ bytes }).bytes).toBe(bytes);
});
