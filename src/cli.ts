import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ConfigError, loadConfig } from './config.js';
import { createDeps, type Deps } from './deps.js';
import { runMigrations } from './db/migrate.js';
import { systemActor } from './http/actor.js';
import { AppError, jsonPath } from './http/errors.js';
import { coursePackage } from './modules/curriculum/package.js';
import { createServices } from './services.js';
import { createLogger } from './logger.js';
import { ensurePlatformAdmin } from './modules/identity/bootstrap.js';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './modules/identity/passwords.js';
import { problemText, render } from './i18n/index.js';

const USAGE = `Usage: npm run cli -- <command> [options]

Commands:
  migrate                                  apply pending database migrations
  create-admin --email E --password P [--name N]
                                           create a platform administrator (or reset its password)
  import-course FILE --org CODE [--publish]
                                           import a course package into an organization
  issue-certificates --org CODE --cohort CODE
                                           issue the certificates of a cohort's final results,
                                           with a progress bar
  seed-demo                                a demo organization, admin and participant with the
                                           Orientasi PPPK curriculum published (idempotent)
`;

type Command = (deps: Deps, args: string[]) => Promise<void>;

const commands: Record<string, Command> = {
  async 'import-course'(deps, args) {
    const { values, positionals } = parseArgs({
      args,
      options: { org: { type: 'string' }, publish: { type: 'boolean', default: false } },
      allowPositionals: true,
      strict: true,
    });
    const [file] = positionals;
    if (!file || !values.org) throw new UsageError('import-course needs a FILE and --org CODE');
    const pkg = await readPackage(file);
    const { directory, curriculum } = servicesOf(deps);
    const org = await directory.organizationByCode(systemActor, values.org);
    const result = await curriculum.importPackage(systemActor, pkg, { orgId: org.id, publish: values.publish });
    console.log(describeImport(file, result));
  },

  async 'issue-certificates'(deps, args) {
    const { values } = parseArgs({
      args,
      options: { org: { type: 'string' }, cohort: { type: 'string' } },
      strict: true,
    });
    if (!values.org || !values.cohort) throw new UsageError('issue-certificates needs --org CODE and --cohort CODE');
    const { directory, cohorts, certificates, jobs } = servicesOf(deps);
    const org = await directory.organizationByCode(systemActor, values.org);
    const actor = { ...systemActor, scope: { kind: 'org' as const, orgId: org.id } };
    const cohort = await cohorts.cohortByCode(actor, values.cohort);
    const { job, started } = await certificates.issue(actor, cohort.id, { queue: false });
    if (!started) console.log(`A worker is already issuing these certificates (job ${job.id}); following it.`);
    const bar = progressBar(`Certificates for ${cohort.code}`);
    const timer = setInterval(() => void jobs.get(actor, job.id).then((j) => bar(j.processed, j.total)), 250);
    try {
      if (started) await certificates.runIssueJob(job.id);
      let current = await jobs.get(actor, job.id);
      while (!['done', 'failed'].includes(current.status)) {
        await new Promise((r) => setTimeout(r, 500));
        current = await jobs.get(actor, job.id);
      }
      bar(current.processed, current.total, true);
      if (current.status === 'failed') throw new UsageError(`Issuing failed: ${current.error}`);
      console.log(`${String(current.result?.issued ?? 0)} certificate(s) issued.`);
    } finally {
      clearInterval(timer);
    }
  },

  async 'seed-demo'(deps) {
    const { directory, curriculum } = servicesOf(deps);
    const org =
      (await directory.organizationByCode(systemActor, DEMO.org.code).catch(() => undefined)) ??
      (await directory.createOrganization(systemActor, DEMO.org));
    const ensure = async (input: Parameters<typeof directory.createUser>[1]) => {
      await directory.createUser(systemActor, input).catch((error: unknown) => {
        if (!(error instanceof AppError && error.status === 409)) throw error;
      });
    };
    await ensure({ orgId: org.id, role: 'org_admin', ...DEMO.admin });
    await ensure({ orgId: org.id, role: 'participant', category: 'tenaga teknis', ...DEMO.participant });
    const result = await curriculum.importPackage(systemActor, await readPackage(DEMO.curriculum), {
      orgId: org.id,
      publish: true,
    });
    console.log(describeImport('Orientasi PPPK', result));
    console.log(`Demo organization ${DEMO.org.code} is ready.
  admin:       ${DEMO.admin.email} / ${DEMO.admin.password}
  participant: NIP ${DEMO.participant.nip} / ${DEMO.participant.password}`);
  },

  async migrate(deps) {
    await runMigrations(deps.pool);
    console.log('Migrations applied.');
  },

  async 'create-admin'(deps, args) {
    const { values } = parseArgs({
      args,
      options: { email: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' } },
      strict: true,
    });
    const input = z
      .object({
        email: z.email('--email must be an email address'),
        password: z
          .string({ error: '--password is required' })
          .min(PASSWORD_MIN_LENGTH, `--password must be at least ${PASSWORD_MIN_LENGTH} characters`)
          .max(PASSWORD_MAX_LENGTH),
        name: z.string().min(1).default('Platform Administrator'),
      })
      .safeParse(values);
    if (!input.success) throw new UsageError(input.error.issues.map((i) => i.message).join('\n'));
    const { id, outcome } = await ensurePlatformAdmin(deps.db, deps.clock, input.data);
    console.log(`Platform administrator ${input.data.email.toLowerCase()} ${outcome} (id ${id}).`);
  },
};

class UsageError extends Error {}

/** A progress bar on a terminal; on anything else, a line at each tenth. */
function progressBar(label: string) {
  let lastTenth = -1;
  return (done: number, total: number, final = false) => {
    const share = total > 0 ? Math.min(1, done / total) : 1;
    if (process.stderr.isTTY) {
      const filled = Math.round(share * 30);
      process.stderr.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(30 - filled)}] ${done}/${total}`);
      if (final) process.stderr.write('\n');
    } else if (Math.floor(share * 10) > lastTenth || final) {
      lastTenth = Math.floor(share * 10);
      process.stderr.write(`${label}: ${done}/${total}\n`);
    }
  };
}

function servicesOf(deps: Deps) {
  return createServices(deps, () => {
    throw new Error('the CLI issues no tokens');
  });
}

async function readPackage(file: string) {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`Cannot read ${file} as JSON: ${(error as Error).message}`);
  }
  const parsed = coursePackage.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${jsonPath('$', i.path)}: ${i.message}`);
    throw new UsageError(`${file} is not a valid course package:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

function describeImport(file: string, r: { outcome: string; version: { number: number; status: string } }): string {
  return `${file}: ${r.outcome.replace('_', ' ')}; version ${r.version.number} is ${r.version.status}.`;
}

const DEMO = {
  org: { code: 'DEMO', name: 'Pemerintah Kota Demo', timeZone: 'Asia/Jakarta' },
  admin: { email: 'admin@demo.example', password: 'demo-admin-2024', name: 'Admin BKPSDM Demo' },
  participant: {
    nip: '199001012024011001',
    password: 'demo-peserta-2024',
    name: 'Peserta Demo',
    birthDate: '1990-01-01',
  },
  curriculum: fileURLToPath(new URL('../curricula/orientasi-pppk.json', import.meta.url)),
};

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    console.error(name && name !== '--help' ? `Unknown command: ${name}\n\n${USAGE}` : USAGE);
    return name === '--help' ? 0 : 2;
  }
  const config = loadConfig();
  // The CLI prints its own results; logs would only be noise unless something goes wrong.
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  // In embedded mode a running `npm start` owns the database under DATA_DIR: the CLI connects to it.
  const deps = await createDeps(config, logger, { attachToRunningEmbedded: true });
  try {
    await command(deps, args);
    return 0;
  } finally {
    await deps.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof AppError) {
      // The catalogue's detail, with the facts the error carries; the CLI speaks English.
      console.error(problemText('en', error.code, error.params, error.detailKey).detail);
      for (const e of error.errors ?? [])
        console.error(`  ${e.path}: ${typeof e.message === 'string' ? e.message : render('en', e.message)}`);
      process.exit(2);
    }
    if (error instanceof ConfigError || error instanceof UsageError) {
      console.error(error.message);
      process.exit(2);
    }
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      console.error(`${error.message}\n\n${USAGE}`);
      process.exit(2);
    }
    console.error(error);
    process.exit(1);
  },
);
