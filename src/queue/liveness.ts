import { writeFile } from 'node:fs/promises';

/**
 * The worker's sign of life for a container health check: a file whose content is the time of
 * the last job the worker finished (or failed). Timers put a job on the queue every few seconds
 * (webhook dispatch) and every minute (the reconciler), so a worker that takes jobs renews it
 * all the time; one that stopped taking them (a lost connection it never got back, a stuck
 * loop) lets it age, and `health-check` fails. Renewed at most once a second.
 */
export function livenessSignal(file: string | undefined) {
  let last = 0;
  return {
    beat(): void {
      if (!file) return;
      const now = Date.now();
      if (now - last < 1000) return;
      last = now;
      writeFile(file, String(now)).catch(() => {
        // A failed write shows as an ageing file, which is what the check is for.
      });
    },
  };
}
