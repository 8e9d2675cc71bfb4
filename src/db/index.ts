import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Logger } from 'pino';
import * as schema from './schema.js';

export type Db = NodePgDatabase<typeof schema>;
/** A transaction handle or the database itself: repositories accept either. */
export type DbExecutor = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

// DATE columns stay 'YYYY-MM-DD' strings: a birth date or a phase date is a calendar date, not an instant.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

/**
 * A pooled client whose connection drops (PostgreSQL restarted, a failover) emits 'error'. The pool
 * listens only while the client is idle; a client checked out for a transaction or a query has no
 * listener, and Node ends the process on an unheard 'error'. Every client gets one for its whole
 * life: the query in flight still fails (the request answers 503, the job is retried), the pool
 * drops the broken client, and the process keeps serving once PostgreSQL is back.
 */
export function listenForConnectionErrors(client: pg.ClientBase, logger: Pick<Logger, 'warn'>): void {
  client.on('error', (err) => logger.warn({ err }, 'PostgreSQL connection lost'));
}

export function createPool(connectionString: string, max: number, logger: Pick<Logger, 'warn'>): pg.Pool {
  const pool = new pg.Pool({ connectionString, max, application_name: 'asn-learning' });
  pool.on('connect', (client) => listenForConnectionErrors(client, logger));
  pool.on('error', (err) => logger.warn({ err }, 'idle PostgreSQL client failed'));
  return pool;
}

export function createDb(pool: pg.Pool): Db {
  return drizzle(pool, { schema });
}

export { schema };
