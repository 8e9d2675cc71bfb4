import { ConfigError, loadConfig } from './config.js';
import { createDeps } from './deps.js';
import { createLogger } from './logger.js';
import { startServer, type RunningServer } from './server.js';
import { startWorker, type RunningWorker } from './worker.js';

// `npm start`: the API, the worker, or both (ROLE=all, the default), in one process.
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  // The log is written asynchronously: what is buffered goes out before the process ends.
  const exit = (code: number) => logger.flush(() => process.exit(code));
  logger.info(
    {
      role: config.role,
      database: config.databaseUrl ? 'external (DATABASE_URL)' : 'embedded PostgreSQL',
      queue: config.redisUrl ? 'Redis (REDIS_URL)' : 'PostgreSQL backend of BullMQ',
    },
    config.databaseUrl ? 'starting' : `starting in embedded mode; data under ${config.dataDir}`,
  );

  const deps = await createDeps(config, logger);
  if (deps.mode.dataDir)
    logger.info({ dataDir: deps.mode.dataDir }, `embedded PostgreSQL running, data in ${deps.mode.dataDir}`);

  let server: RunningServer | undefined;
  let worker: RunningWorker | undefined;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    // One line for a stop (Ctrl-C included): 'stopped', or what went wrong.
    logger.debug({ signal }, 'shutting down');
    const force = setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      exit(1);
    }, config.shutdownTimeoutMs);
    force.unref();
    try {
      await server?.close();
      await worker?.close();
      await deps.close();
      logger.info({ signal }, 'stopped');
      exit(0);
    } catch (err) {
      logger.error({ err }, 'error during shutdown');
      exit(1);
    }
  };
  // `on`, not `once`: Ctrl-C reaches this process twice (from the terminal, and relayed by tsx or
  // npm), and a second signal with no handler would end it at once, halfway through stopping.
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  try {
    if (config.role !== 'api') {
      worker = await startWorker(deps);
      logger.info({ queueBackend: deps.mode.queue }, 'worker running');
    }
    if (config.role !== 'worker') {
      server = await startServer(deps);
      logger.info({ url: server.url }, `API listening on ${server.url} (reference at ${server.url}/docs)`);
    }
  } catch (err) {
    // The port is taken, say: stop what did start, the embedded database included, then fail.
    logger.fatal({ err }, 'could not start');
    await worker?.close().catch(() => {});
    await deps.close();
    exit(1);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
