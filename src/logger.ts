import pino, { type Logger } from 'pino';

/** Credentials never reach a log line, whichever object carries them. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'password',
  '*.password',
  'refreshToken',
  '*.refreshToken',
  'accessToken',
  '*.accessToken',
  'passwordHash',
  '*.passwordHash',
  'passphrase',
  '*.passphrase',
  'databaseUrl',
  'redisUrl',
  'jwtSecret',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      base: { service: 'asn-learning' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    // Asynchronous: lines logged while a write is under way go out together in the next one. One
    // write per line costs the API a third of its throughput under load. Flushed on exit.
    destination ?? pino.destination({ dest: 1, sync: false }),
  );
}
