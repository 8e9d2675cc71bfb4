import { createRequire } from 'node:module';
import type { FastifyRateLimitOptions, FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';

type StoreCtor = new (...args: unknown[]) => Store;
// The plugin's own stores, which it does not export by name.
const require = createRequire(import.meta.url);
const LocalStore = require('@fastify/rate-limit/store/LocalStore.js') as StoreCtor;
const RedisStore = require('@fastify/rate-limit/store/RedisStore.js') as StoreCtor;

type Store = FastifyRateLimitStore & {
  incr(
    key: string,
    cb: (err: Error | null, res?: { current: number; ttl: number }) => void,
    w: number,
    m: number,
  ): void;
};
type Child = Parameters<FastifyRateLimitStore['child']>[0];

/**
 * Rate-limit counters shared by every API replica through Redis, and kept in this process while
 * Redis does not answer: the connection given here times its commands out, so a hung or lost Redis
 * neither hangs a login nor lifts its limit.
 */
export function sharedOrLocalStore(
  redis: Redis,
  nameSpace: string,
  logger: Pick<Logger, 'warn'>,
): FastifyRateLimitStoreCtor {
  class SharedOrLocal implements FastifyRateLimitStore {
    constructor(
      options: FastifyRateLimitOptions & { continueExceeding?: boolean; exponentialBackoff?: boolean },
      private readonly shared: Store = new RedisStore(
        options.continueExceeding,
        options.exponentialBackoff,
        redis,
        nameSpace,
      ),
      private readonly local: Store = new LocalStore(options.continueExceeding, options.exponentialBackoff),
    ) {}

    incr(key: string, cb: (err: Error | null, res?: { current: number; ttl: number }) => void, w: number, m: number) {
      this.shared.incr(
        key,
        (err, res) => {
          if (!err) return cb(null, res);
          logger.warn({ err }, 'shared rate-limit counter unavailable; counting in this process');
          this.local.incr(key, cb, w, m);
        },
        w,
        m,
      );
    }

    child(routeOptions: Child): FastifyRateLimitStore {
      return new SharedOrLocal(
        {} as FastifyRateLimitOptions,
        this.shared.child(routeOptions) as Store,
        this.local.child(routeOptions) as Store,
      );
    }
  }
  return SharedOrLocal;
}
