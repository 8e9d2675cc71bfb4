import { sql } from 'drizzle-orm';
import type pg from 'pg';
import type { DbExecutor } from '../db/index.js';

/**
 * Ends a user's access tokens issued until now. The time is the database's wall clock, because it
 * is compared with a token's `iat`, which is wall-clock time too.
 */
export async function revokeAccessTokens(db: DbExecutor, userId: string): Promise<void> {
  await db.execute(sql`
    insert into access_revocations (user_id, revoked_at) values (${userId}, now())
    on conflict (user_id) do update set revoked_at = excluded.revoked_at`);
}

/**
 * Every process keeps the recent revocations in memory, read again every `intervalMs`: checking
 * a token costs a map look-up, and a revocation reaches every replica within that interval.
 * Only revocations younger than an access token's lifetime can still matter.
 */
export function watchRevocations(pool: pg.Pool, options: { intervalMs: number; tokenTtlSeconds: number }) {
  let revoked = new Map<string, number>();
  let stopped = false;
  const load = async () => {
    const { rows } = await pool.query<{ user_id: string; at: string }>(
      `select user_id, (extract(epoch from revoked_at) * 1000)::bigint::text as at
         from access_revocations where revoked_at > now() - make_interval(secs => $1)`,
      [options.tokenTtlSeconds + 60],
    );
    revoked = new Map(rows.map((r) => [r.user_id, Number(r.at)]));
  };
  let timer: NodeJS.Timeout | undefined;
  const loop = () => {
    timer = setTimeout(() => {
      load()
        .catch(() => undefined)
        .finally(() => {
          if (!stopped) loop();
        });
    }, options.intervalMs);
    timer.unref();
  };
  return {
    async start() {
      await load().catch(() => undefined);
      loop();
    },
    /**
     * Whether a token of this user issued at `issuedAtSeconds` has been revoked. `iat` has whole
     * seconds: a token from the second of the revocation itself counts as newer, so logging in
     * right after a password change works (one issued earlier in that second slips through).
     */
    isRevoked(userId: string, issuedAtSeconds: number | undefined): boolean {
      const at = revoked.get(userId);
      return at !== undefined && (issuedAtSeconds === undefined || issuedAtSeconds < Math.floor(at / 1000));
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
