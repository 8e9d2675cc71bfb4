import pino, { type Logger, type LoggerOptions } from 'pino';

/** Credentials never reach a log line, whichever object carries them: these keys, at any of the first levels. */
const SECRET_KEYS = new Set([
  'authorization',
  'cookie',
  'password',
  'refreshToken',
  'accessToken',
  'passwordHash',
  'passphrase',
  'databaseUrl',
  'redisUrl',
  'jwtSecret',
]);
const CENSOR = '[redacted]';
// A log object's own level and three below it: `{ req: { headers: { authorization } } }` is as deep as they sit.
const DEPTH = 4;

function isWalkable(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !ArrayBuffer.isView(value);
}

/**
 * The same object with its own kind (an Error stays an Error for the serializer), to be changed
 * instead of the caller's; its properties can all be redefined, whatever they were on the original.
 */
function copyOf<T extends object>(value: T): T {
  if (Array.isArray(value)) return [...value] as T;
  const descriptors = Object.getOwnPropertyDescriptors(value);
  for (const d of Object.values(descriptors)) d.configurable = true;
  return Object.create(Object.getPrototypeOf(value) as object, descriptors) as T;
}

/**
 * The log object with every credential replaced by `[redacted]`. The caller's objects are never
 * changed: a level is copied only where something in it is replaced. A line without credentials
 * (the access line of every request) costs a look at its own keys, where path-based redaction with
 * wildcards cost three times the rest of writing the line.
 */
export function redactSecrets<T>(value: T, depth = DEPTH): T {
  if (depth === 0 || !isWalkable(value)) return value;
  let result: Record<string, unknown> | undefined;
  for (const key of Object.keys(value)) {
    const inner = value[key];
    const replaced = SECRET_KEYS.has(key) && inner !== undefined ? CENSOR : redactSecrets(inner, depth - 1);
    if (replaced === inner) continue;
    result ??= copyOf(value);
    // Defined, not assigned: the original may hold a read-only property or a getter under that name.
    Object.defineProperty(result, key, { value: replaced, enumerable: true, writable: true, configurable: true });
  }
  return (result ?? value) as T;
}

/** The options every logger of this service is built with (the tests' loggers included). */
export const LOG_FORMAT = {
  formatters: { log: (object: Record<string, unknown>) => redactSecrets(object) },
} satisfies LoggerOptions;

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      ...LOG_FORMAT,
      base: { service: 'asn-learning' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    // Asynchronous: lines logged while a write is under way go out together in the next one. One
    // write per line costs the API a third of its throughput under load. Flushed on exit.
    destination ?? pino.destination({ dest: 1, sync: false }),
  );
}
