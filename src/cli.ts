import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ConfigError, loadConfig } from './config.js';
import { createDeps, type Deps } from './deps.js';
import { runMigrations } from './db/migrate.js';
import { AppError } from './http/errors.js';
import { createLogger } from './logger.js';
import { ensurePlatformAdmin } from './modules/identity/bootstrap.js';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './modules/identity/passwords.js';

const USAGE = `Usage: npm run cli -- <command> [options]

Commands:
  migrate                                  apply pending database migrations
  create-admin --email E --password P [--name N]
                                           create a platform administrator (or reset its password)
`;

type Command = (deps: Deps, args: string[]) => Promise<void>;

const commands: Record<string, Command> = {
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
  const deps = await createDeps(config, logger);
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
    if (error instanceof ConfigError || error instanceof UsageError || error instanceof AppError) {
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
