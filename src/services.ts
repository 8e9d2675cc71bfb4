import type { Deps } from './deps.js';
import type { Principal } from './http/auth.js';
import { createCurriculumService } from './modules/curriculum/service.js';
import { createAuthService } from './modules/identity/auth-service.js';
import { createDirectoryService } from './modules/identity/directory-service.js';

/** Every module's service, wired once; used by the HTTP app and the CLI alike. */
export function createServices(deps: Deps, signAccessToken: (p: Principal) => string) {
  const { db, clock, config } = deps;
  const directory = createDirectoryService({ db, clock, defaultTimeZone: config.defaultTimeZone });
  return {
    directory,
    auth: createAuthService({ db, clock, settings: config, signAccessToken }),
    curriculum: createCurriculumService({
      db,
      clock,
      organizationSettings: (orgId) => directory.organizationSettings(orgId),
    }),
  };
}

export type Services = ReturnType<typeof createServices>;
