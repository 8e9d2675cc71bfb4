import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema.js';

export type Db = NodePgDatabase<typeof schema>;
/** A transaction handle or the database itself: repositories accept either. */
export type DbExecutor = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

// DATE columns stay 'YYYY-MM-DD' strings: a birth date or a phase date is a calendar date, not an instant.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

export function createPool(connectionString: string, max: number): pg.Pool {
  return new pg.Pool({ connectionString, max, application_name: 'asn-learning' });
}

export function createDb(pool: pg.Pool): Db {
  return drizzle(pool, { schema });
}

export { schema };
