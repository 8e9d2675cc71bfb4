import { randomBytes } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { createTestContext } from '../support/context.js';

// Logins per client address per minute in these tests.
const LIMIT = 3;

async function loginsFrom(trustProxy: string, forwardedFor: (i: number) => string | undefined) {
  const ctx = await createTestContext({ env: { TRUST_PROXY: trustProxy, LOGIN_RATE_LIMIT_PER_MINUTE: String(LIMIT) } });
  try {
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT + 1; i++) {
      const req = ctx.http.post('/v1/auth/login');
      const xff = forwardedFor(i);
      if (xff) void req.set('x-forwarded-for', xff);
      statuses.push((await req.send({ login: 'nobody@example.org', password: 'wrong-password' })).status);
    }
    return statuses;
  } finally {
    await ctx.close();
  }
}

// What a client puts first in X-Forwarded-For is its own invention; the proxy appends the address it saw.
const spoofed = () => `${randomBytes(1)[0]}.${randomBytes(1)[0]}.1.1`;

describe('which X-Forwarded-For entries are believed', () => {
  test('with one trusted hop, the address the proxy appended counts, and spoofed entries before it change nothing', async () => {
    expect(await loginsFrom('1', () => `${spoofed()}, 203.0.113.7`)).toEqual([401, 401, 401, 429]);
  });

  test('TRUST_PROXY=true means the one nearest proxy, not every address a client claims', async () => {
    expect(await loginsFrom('true', () => `${spoofed()}, 203.0.113.7`)).toEqual([401, 401, 401, 429]);
  });

  test('with a list, only the listed proxies are believed', async () => {
    // The test client connects from 127.0.0.1: listed, so the entry it forwards is the client.
    expect(await loginsFrom('127.0.0.1', () => `${spoofed()}, 203.0.113.8`)).toEqual([401, 401, 401, 429]);
    // A peer that is not a listed proxy cannot claim other addresses at all.
    expect(await loginsFrom('10.9.9.9/32', () => spoofed())).toEqual([401, 401, 401, 429]);
  });

  test('distinct clients behind the proxy are limited separately', async () => {
    expect(await loginsFrom('1', (i) => `203.0.113.${10 + i}`)).toEqual([401, 401, 401, 401]);
  });
});
