import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import ipaddr from 'ipaddr.js';
import { z } from 'zod';

// The only place that reads process.env. Everything else receives a frozen Config.

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const list = z.string().transform((v) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);

const url = (protocols: string[]) =>
  z.string().refine(
    (v) => {
      try {
        return protocols.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    },
    `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`,
  );

/**
 * Which proxies' X-Forwarded-For entries are believed: none (`false`), the nearest N hops (a
 * number; `true` means 1), or the proxies at the listed addresses or networks.
 */
const trustProxy = z.string().transform((v, ctx): false | number | string[] => {
  const s = v.trim().toLowerCase();
  if (['false', '0', 'no'].includes(s)) return false;
  if (['true', 'yes'].includes(s)) return 1;
  if (/^\d+$/.test(s)) {
    const hops = Number(s);
    if (hops <= 20) return hops;
  } else {
    const entries = s
      .split(',')
      .map((e) => e.trim())
      .filter(Boolean);
    if (entries.length > 0 && entries.every((e) => ipaddr.isValid(e) || ipaddr.isValidCIDR(e))) return entries;
  }
  ctx.addIssue({
    code: 'custom',
    message: 'must be false, a number of proxy hops (1-20), or a comma-separated list of proxy addresses or networks',
  });
  return z.NEVER;
});

const timeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'must be an IANA time zone such as Asia/Jakarta');

/** `Name <address@domain>` or a bare address, as a sender. */
export const MAILBOX = /^\s*(?:([^<>\r\n"]{1,100}?)\s*<([^\s<>@"]+@[^\s<>@"]+)>|([^\s<>@"]+@[^\s<>@"]+))\s*$/;

const mailbox = z
  .string()
  .refine((v) => MAILBOX.test(v), 'must be an address such as "Diklat Kota Jambi <diklat@jambikota.go.id>"')
  .transform((v) => {
    const m = MAILBOX.exec(v)!;
    return { name: m[1]?.trim() || null, address: (m[2] ?? m[3])! };
  });

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  ROLE: z.enum(['all', 'api', 'worker']).default('all'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: url(['http:', 'https:']).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: url(['postgres:', 'postgresql:']).optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(500).default(20),
  REDIS_URL: url(['redis:', 'rediss:']).optional(),
  DATA_DIR: z.string().min(1).default('./.data'),
  /** The participant web app's built files (npm run build); served at /. */
  WEB_APP_DIR: z
    .string()
    .min(1)
    .default(fileURLToPath(new URL('../app/dist', import.meta.url))),
  MIGRATE_ON_START: bool.default(true),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  REFRESH_REUSE_GRACE_SECONDS: z.coerce.number().int().min(0).max(300).default(30),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(20),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(100 * 1024 * 1024)
    .default(1024 * 1024),
  CORS_ORIGINS: list.optional(),
  TRUST_PROXY: trustProxy.optional(),
  DEFAULT_TIME_ZONE: timeZone.default('Asia/Jakarta'),
  IMPORT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(200 * 1024 * 1024)
    .default(10 * 1024 * 1024),
  IMPORT_SYNC_MAX_ROWS: z.coerce.number().int().min(1).max(100_000).default(2000),
  CREDIT_MAX_HEARTBEAT_SECONDS: z.coerce.number().int().min(10).max(3600).default(300),
  CREDIT_TOLERANCE_SECONDS: z.coerce.number().int().min(0).max(120).default(5),
  CREDIT_FUTURE_SKEW_SECONDS: z.coerce.number().int().min(0).max(3600).default(120),
  CREDIT_COMPLETION_SHARE: z.coerce.number().min(0.1).max(1).default(0.8),
  CREDIT_DAILY_JP_CAP: z.coerce.number().min(1).max(24).default(12),
  CREDIT_BACKLOG_DAYS: z.coerce.number().int().min(1).max(90).default(14),
  PACE_INACTIVE_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  WEBHOOK_DISPATCH_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(5000),
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(10_000),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  WEBHOOK_ALLOWED_NETWORKS: list
    .refine(
      (v) => v.every((n) => ipaddr.isValidCIDR(n) || ipaddr.isValid(n)),
      'must be a comma-separated list of addresses or CIDR networks such as 10.20.0.0/16',
    )
    .optional(),
  BEHIND_PACE_DAYS_BEFORE_CLOSE: z.coerce.number().int().min(1).max(60).default(3),
  ACTIVATION_CODE_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  ATTENDANCE_GRACE_DAYS: z.coerce.number().int().min(0).max(90).default(3),
  // LAN's MOOC: the phase runs days 1-15, the remedial window days 16-30.
  REMEDIAL_DAYS_DEFAULT: z.coerce.number().int().min(0).max(365).default(15),
  ABSENCE_MAX_JP: z.coerce.number().min(0).max(1000).default(18),
  ABSENCE_MAX_DAYS: z.coerce.number().int().min(0).max(365).default(2),
  PASS_MARK: z.coerce.number().min(0).max(100).default(70.01),
  CERTIFICATE_NUMBER_TEMPLATE: z
    .string()
    .min(1)
    .refine(
      (t) => t.includes('{seq}') && t.includes('{cohortCode}'),
      'must contain {seq} and {cohortCode}, so that every number is unique',
    )
    .default('{seq}/{cohortCode}/{year}'),
  SUBMISSION_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(1024 * 1024 * 1024)
    .default(5 * 1024 * 1024),
  FILE_STORAGE: z.enum(['postgres', 'filesystem']).default('postgres'),
  FILE_STORAGE_DIR: z.string().min(1).optional(),
  CERTIFICATE_RENDER_THREADS: z.coerce.number().int().min(0).max(64).optional(),
  CERTIFICATE_SECRETS_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  SIGNING_GATEWAY_URL: url(['https:', 'http:'])
    .refine((v) => {
      const u = new URL(v);
      return u.protocol === 'https:' || ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);
    }, 'must be https:// (plain http:// only on this machine, for testing)')
    .optional(),
  SIGNING_GATEWAY_CA_FILE: z.string().min(1).optional(),
  SIGNING_GATEWAY_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(30_000),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(25_000),
  REDIS_COMMAND_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(2000),
  JOB_LOCK_MS: z.coerce.number().int().min(2000).max(600_000).default(10_000),
  JOB_STALLED_CHECK_MS: z.coerce.number().int().min(500).max(600_000).default(5_000),
  QUEUE_CHECK_INTERVAL_MS: z.coerce.number().int().min(100).max(300_000).default(15_000),
  WORKER_LIVENESS_FILE: z.string().min(1).optional(),
  WORKER_ALIVE_MAX_SECONDS: z.coerce.number().int().min(10).max(86_400).default(180),
  CLOCK_OVERDUE_SECONDS: z.coerce.number().int().min(10).max(86_400).default(120),
  SMTP_URL: url(['smtp:', 'smtps:']).optional(),
  MAIL_FROM: mailbox.optional(),
  MAIL_DISPATCH_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(5000),
  MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  MAIL_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(30_000),
  MAIL_SEND_TIMEOUT_MS: z.coerce.number().int().min(500).max(300_000).default(30_000),
  PACE_REMINDER_INTERVAL_MS: z.coerce.number().int().min(1000).max(86_400_000).default(3_600_000),
  PASSWORD_RESET_TTL_MINUTES: z.coerce.number().int().min(5).max(1440).default(60),
  PASSWORD_RESET_MIN_ANSWER_MS: z.coerce.number().int().min(0).max(5000).default(250),
});

export type Env = z.infer<typeof envSchema>;

export interface Config {
  env: Env['NODE_ENV'];
  role: Env['ROLE'];
  host: string;
  port: number;
  publicUrl: string | undefined;
  logLevel: Env['LOG_LEVEL'];
  /** undefined: start the embedded PostgreSQL under dataDir */
  databaseUrl: string | undefined;
  databasePoolMax: number;
  /** undefined: run BullMQ on its PostgreSQL backend */
  redisUrl: string | undefined;
  dataDir: string;
  migrateOnStart: boolean;
  /** undefined only in embedded mode, where a secret is generated and kept under dataDir */
  jwtSecret: string | undefined;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  loginRateLimitPerMinute: number;
  /** A used refresh token presented again within this many seconds is served, not treated as stolen. */
  refreshReuseGraceSeconds: number;
  loginMaxFailures: number;
  loginLockMinutes: number;
  bodyLimitBytes: number;
  corsOrigins: string[];
  /** false: the socket's address is the client; N: the nearest N proxies are trusted; a list: those proxies. */
  trustProxy: false | number | string[];
  defaultTimeZone: string;
  /** The participant web app's built files, served at /. */
  webAppDir: string;
  /** Largest participant file accepted by an import (larger: 413). */
  importMaxBytes: number;
  /** Imports with more rows run as a background job whose progress can be polled. */
  importSyncMaxRows: number;
  activationCodeTtlDays: number;
  webhooks: {
    dispatchIntervalMs: number;
    maxAttempts: number;
    retryBaseMs: number;
    timeoutMs: number;
    /** Private networks webhook receivers may nevertheless live in (on-premise); none by default. */
    allowedNetworks: string[];
  };
  /** Participants behind pace are flagged this many days before their online phase closes. */
  behindPaceDaysBeforeClose: number;
  credit: {
    maxHeartbeatSeconds: number;
    toleranceSeconds: number;
    futureSkewSeconds: number;
    completionShare: number;
    dailyJpCap: number;
    backlogDays: number;
  };
  /** No activity for this many days during an online phase marks a participant inactive. */
  paceInactiveDays: number;
  /** Attendance may still be recorded this many days after a classroom phase closes. */
  attendanceGraceDays: number;
  /** A new online phase's remedial window when none is given, in days. */
  remedialDaysDefault: number;
  /** Defaults of a new assessment scheme: absence limit and pass mark. */
  assessmentDefaults: { absenceMaxJp: number; absenceMaxDays: number; passMark: number };
  /** Certificate numbers: {seq}, {cohortCode}, {orgCode}, {courseCode}, {year}. */
  certificateNumberTemplate: string;
  /** Largest file a participant may submit for an assignment (larger: 413). */
  submissionMaxBytes: number;
  /** Where new files go: PostgreSQL, or a directory (a production volume). */
  fileStorage: { backend: 'postgres' | 'filesystem'; dir: string | undefined };
  /** Worker threads that render and sign certificate PDFs; 0: on the main thread. */
  certificateRenderThreads: number;
  /** Encrypts signing secrets at rest; undefined: derived from the JWT secret. */
  certificateSecretsKey: string | undefined;
  /** The remote signing gateway (BSrE-style), when organizations sign through one. */
  signingGateway: { url: string; timeoutMs: number; caFile: string | undefined } | undefined;
  shutdownTimeoutMs: number;
  /** A request waits this long for Redis (a queue write, a rate-limit counter) before going on without it. */
  redisCommandTimeoutMs: number;
  /**
   * A running job holds a lock this long, renewed at half of it; a job whose worker died (crash,
   * SIGKILL, shutdown timeout) is taken up again once its lock lapses, found by a check every
   * `jobStalledCheckMs`. Shorter resumes sooner; a job must never block its event loop this long.
   */
  jobLockMs: number;
  jobStalledCheckMs: number;
  /** How often a worker checks that the queue store still holds its schedules (else it plans again from PostgreSQL). */
  queueCheckIntervalMs: number;
  /** A file the worker renews as it finishes jobs, for a container health check; unset: none. */
  workerLivenessFile: string | undefined;
  /** How old that file may be before the worker counts as stuck. */
  workerLivenessMaxAgeSeconds: number;
  /** Readiness reports the phase clock as failing when a transition is overdue by more than this. */
  clockOverdueSeconds: number;
  /** Bearer token GET /metrics requires; unset: /metrics is open outside production and absent in it. */
  metricsToken: string | undefined;
  mail: {
    /** undefined: mails are delivered to the local outbox only (read through GET /v1/mails). */
    smtpUrl: string | undefined;
    /** The default sender; an organization's `mailFrom` setting overrides it. */
    from: { name: string | null; address: string };
    dispatchIntervalMs: number;
    maxAttempts: number;
    retryBaseMs: number;
    sendTimeoutMs: number;
    paceReminderIntervalMs: number;
  };
  passwordReset: { ttlMinutes: number; minResponseMs: number };
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

// Placeholders that recipes and examples have used; a database with one of them is as good as open.
const PLACEHOLDER_PASSWORDS = new Set(['change-me', 'changeme', 'password', 'postgres', 'secret']);

function weakDatabasePassword(databaseUrl: string): boolean {
  try {
    const password = decodeURIComponent(new URL(databaseUrl).password);
    return password === '' || PLACEHOLDER_PASSWORDS.has(password.toLowerCase());
  } catch {
    return false; // an unparsable URL is reported by the schema
  }
}

export function loadConfig(source: Record<string, string | undefined> = process.env): Readonly<Config> {
  // Empty strings count as unset, as in docker-compose files with `KEY=`.
  const raw = Object.fromEntries(
    Object.keys(envSchema.shape).map((k) => [k, source[k] === '' ? undefined : source[k]]),
  );
  const parsed = envSchema.safeParse(raw);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  if ((raw.NODE_ENV ?? 'development') === 'production') {
    if (!raw.JWT_SECRET) problems.push('JWT_SECRET: required in production');
    if (!raw.DATABASE_URL) {
      problems.push('DATABASE_URL: required in production (the embedded database is for development)');
    } else if (weakDatabasePassword(raw.DATABASE_URL)) {
      problems.push(
        'DATABASE_URL: production needs a database password of its own (none, or a placeholder such as change-me, is refused)',
      );
    }
    if (!raw.PUBLIC_URL) {
      problems.push(
        'PUBLIC_URL: required in production (certificates print it in their QR code, e.g. https://diklat.example.go.id)',
      );
    }
  }
  if (raw.SMTP_URL && !raw.MAIL_FROM)
    problems.push('MAIL_FROM: required with SMTP_URL (the sender, e.g. "Diklat Kota Jambi <diklat@jambikota.go.id>")');
  if ((raw.FILE_STORAGE ?? 'postgres') === 'filesystem' && !raw.FILE_STORAGE_DIR)
    problems.push('FILE_STORAGE_DIR: required when FILE_STORAGE is filesystem');
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;

  return Object.freeze({
    env: e.NODE_ENV,
    role: e.ROLE,
    host: e.HOST,
    port: e.PORT,
    publicUrl: e.PUBLIC_URL,
    logLevel: e.LOG_LEVEL,
    databaseUrl: e.DATABASE_URL,
    databasePoolMax: e.DATABASE_POOL_MAX,
    redisUrl: e.REDIS_URL,
    dataDir: e.DATA_DIR,
    webAppDir: e.WEB_APP_DIR,
    migrateOnStart: e.MIGRATE_ON_START,
    jwtSecret: e.JWT_SECRET,
    accessTokenTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlDays: e.REFRESH_TOKEN_TTL_DAYS,
    loginRateLimitPerMinute: e.LOGIN_RATE_LIMIT_PER_MINUTE,
    refreshReuseGraceSeconds: e.REFRESH_REUSE_GRACE_SECONDS,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginLockMinutes: e.LOGIN_LOCK_MINUTES,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    corsOrigins: e.CORS_ORIGINS ?? [],
    trustProxy: e.TRUST_PROXY ?? false,
    defaultTimeZone: e.DEFAULT_TIME_ZONE,
    importMaxBytes: e.IMPORT_MAX_BYTES,
    importSyncMaxRows: e.IMPORT_SYNC_MAX_ROWS,
    activationCodeTtlDays: e.ACTIVATION_CODE_TTL_DAYS,
    credit: Object.freeze({
      maxHeartbeatSeconds: e.CREDIT_MAX_HEARTBEAT_SECONDS,
      toleranceSeconds: e.CREDIT_TOLERANCE_SECONDS,
      futureSkewSeconds: e.CREDIT_FUTURE_SKEW_SECONDS,
      completionShare: e.CREDIT_COMPLETION_SHARE,
      dailyJpCap: e.CREDIT_DAILY_JP_CAP,
      backlogDays: e.CREDIT_BACKLOG_DAYS,
    }),
    paceInactiveDays: e.PACE_INACTIVE_DAYS,
    webhooks: Object.freeze({
      dispatchIntervalMs: e.WEBHOOK_DISPATCH_INTERVAL_MS,
      maxAttempts: e.WEBHOOK_MAX_ATTEMPTS,
      retryBaseMs: e.WEBHOOK_RETRY_BASE_MS,
      timeoutMs: e.WEBHOOK_TIMEOUT_MS,
      allowedNetworks: e.WEBHOOK_ALLOWED_NETWORKS ?? [],
    }),
    behindPaceDaysBeforeClose: e.BEHIND_PACE_DAYS_BEFORE_CLOSE,
    attendanceGraceDays: e.ATTENDANCE_GRACE_DAYS,
    remedialDaysDefault: e.REMEDIAL_DAYS_DEFAULT,
    assessmentDefaults: Object.freeze({
      absenceMaxJp: e.ABSENCE_MAX_JP,
      absenceMaxDays: e.ABSENCE_MAX_DAYS,
      passMark: e.PASS_MARK,
    }),
    certificateNumberTemplate: e.CERTIFICATE_NUMBER_TEMPLATE,
    submissionMaxBytes: e.SUBMISSION_MAX_BYTES,
    fileStorage: Object.freeze({ backend: e.FILE_STORAGE, dir: e.FILE_STORAGE_DIR }),
    certificateRenderThreads: e.CERTIFICATE_RENDER_THREADS ?? Math.min(4, availableParallelism()),
    certificateSecretsKey: e.CERTIFICATE_SECRETS_KEY,
    signingGateway: e.SIGNING_GATEWAY_URL
      ? Object.freeze({
          url: e.SIGNING_GATEWAY_URL,
          timeoutMs: e.SIGNING_GATEWAY_TIMEOUT_MS,
          caFile: e.SIGNING_GATEWAY_CA_FILE,
        })
      : undefined,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    redisCommandTimeoutMs: e.REDIS_COMMAND_TIMEOUT_MS,
    jobLockMs: e.JOB_LOCK_MS,
    jobStalledCheckMs: e.JOB_STALLED_CHECK_MS,
    queueCheckIntervalMs: e.QUEUE_CHECK_INTERVAL_MS,
    workerLivenessFile: e.WORKER_LIVENESS_FILE,
    workerLivenessMaxAgeSeconds: e.WORKER_ALIVE_MAX_SECONDS,
    clockOverdueSeconds: e.CLOCK_OVERDUE_SECONDS,
    metricsToken: e.METRICS_TOKEN,
    mail: Object.freeze({
      smtpUrl: e.SMTP_URL,
      from: e.MAIL_FROM ?? { name: null, address: 'no-reply@localhost' },
      dispatchIntervalMs: e.MAIL_DISPATCH_INTERVAL_MS,
      maxAttempts: e.MAIL_MAX_ATTEMPTS,
      retryBaseMs: e.MAIL_RETRY_BASE_MS,
      sendTimeoutMs: e.MAIL_SEND_TIMEOUT_MS,
      paceReminderIntervalMs: e.PACE_REMINDER_INTERVAL_MS,
    }),
    passwordReset: Object.freeze({
      ttlMinutes: e.PASSWORD_RESET_TTL_MINUTES,
      minResponseMs: e.PASSWORD_RESET_MIN_ANSWER_MS,
    }),
  });
}

export function isValidTimeZone(tz: string): boolean {
  return timeZone.safeParse(tz).success;
}
