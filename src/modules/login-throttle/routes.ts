import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/index.js';
import { actorOf } from '../../http/actor.js';
import { recordAudit } from '../audit/record.js';
import type { DirectoryService } from '../identity/directory-service.js';
import type { LoginThrottle } from './service.js';

export interface LoginThrottleRoutesOptions {
  throttle: LoginThrottle;
  directory: DirectoryService;
  db: Db;
  clock: Clock;
}

export const loginThrottleRoutes: FastifyPluginAsyncZod<LoginThrottleRoutesOptions> = async (
  app,
  { throttle, directory, db, clock },
) => {
  app.post(
    '/users/:id/unlock',
    {
      onRequest: app.auth('platform_admin', 'org_admin'),
      schema: {
        tags: ['users'],
        summary: 'Lift every login delay of a user, from every address',
        description:
          'Failed logins delay further attempts of that login from the same address (`LOGIN_THROTTLED`); this ends those delays at once, e.g. for a participant who forgot their password and has just been given a new one.',
        security: [{ bearer: [] }],
        params: z.strictObject({ id: z.uuid() }),
        response: { 200: z.object({ cleared: z.number().int().describe('Delays lifted (one per address)') }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      // 404 for a user the caller may not see, as everywhere else.
      const user = await directory.getUser(actor, request.params.id);
      const cleared = await throttle.unlock([user.nip, user.email].filter((v): v is string => !!v));
      await recordAudit(db, {
        orgId: actor.scope.kind === 'org' ? actor.scope.orgId : user.homeOrgId,
        actorId: actor.userId,
        action: 'user.unlocked',
        entityType: 'user',
        entityId: user.id,
        data: { cleared },
        requestId: actor.requestId,
        at: clock.now(),
      });
      return { cleared };
    },
  );
};
