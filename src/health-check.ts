import { readFile } from 'node:fs/promises';
import { ConfigError, loadConfig } from './config.js';

/**
 * The container's health check (`node dist/health-check.js`), for whichever role the process has:
 * the API answers /health/live; the worker has finished a job recently (its liveness file, which
 * the timers' jobs renew every few seconds, is younger than WORKER_ALIVE_MAX_SECONDS).
 * Exit code 0 when healthy, 1 with one line saying why when not.
 */
async function check(): Promise<string | null> {
  const config = loadConfig();
  if (config.role !== 'api') {
    if (!config.workerLivenessFile) return 'WORKER_LIVENESS_FILE is not set, so the worker cannot be checked';
    const written = Number(await readFile(config.workerLivenessFile, 'utf8').catch(() => 'NaN'));
    if (!Number.isFinite(written)) return `the worker has not finished a job yet (${config.workerLivenessFile})`;
    const age = (Date.now() - written) / 1000;
    if (age > config.workerLivenessMaxAgeSeconds) return `the worker finished no job for ${Math.round(age)} s`;
  }
  if (config.role !== 'worker') {
    const response = await fetch(`http://127.0.0.1:${config.port}/health/live`, {
      signal: AbortSignal.timeout(4000),
    }).catch((error: unknown) => error as Error);
    if (response instanceof Error) return `the API does not answer: ${response.message}`;
    if (!response.ok) return `the API answers /health/live with ${response.status}`;
  }
  return null;
}

check().then(
  (problem) => {
    if (problem) console.error(`unhealthy: ${problem}`);
    process.exit(problem ? 1 : 0);
  },
  (error: unknown) => {
    console.error(`unhealthy: ${error instanceof ConfigError ? error.message : String(error)}`);
    process.exit(1);
  },
);
