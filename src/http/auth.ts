import jwt from '@fastify/jwt';
import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import type { UserRole } from '../db/schema.js';
import { ForbiddenError } from './errors.js';
import { tenantScopeOf, type TenantScope } from './tenancy.js';

/** Who is calling, as stated by a verified access token. */
export interface Principal {
  userId: string;
  orgId: string | null;
  role: UserRole;
}

interface AccessTokenClaims {
  sub: string;
  org: string | null;
  role: UserRole;
}

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: AccessTokenClaims;
    user: Principal;
  }
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The tenant this request may see; set together with `user` by `app.auth()`. */
    tenant: TenantScope;
  }
  interface FastifyInstance {
    /** onRequest hooks that require a valid access token and, if given, one of the roles. */
    auth(...roles: UserRole[]): onRequestHookHandler[];
    signAccessToken(principal: Principal): string;
  }
}

export interface AuthOptions {
  secret: string;
  accessTokenTtlSeconds: number;
}

async function authPlugin(app: FastifyInstance, options: AuthOptions): Promise<void> {
  await app.register(jwt, {
    secret: options.secret,
    sign: { expiresIn: options.accessTokenTtlSeconds, algorithm: 'HS256' },
    // Verified tokens are remembered (until they expire): a participant's client sends the same
    // token with every heartbeat, and checking its signature each time is measurable under load.
    verify: { algorithms: ['HS256'], cache: 10_000 },
    formatUser: (claims) => ({ userId: claims.sub, orgId: claims.org, role: claims.role }),
  });

  // Replaced on every authenticated request; an unauthenticated route never reads it.
  app.decorateRequest('tenant', null as never);

  app.decorate('signAccessToken', (p: Principal) => app.jwt.sign({ sub: p.userId, org: p.orgId, role: p.role }));

  const authenticate: onRequestHookHandler = async function (request: FastifyRequest) {
    await request.jwtVerify();
    request.tenant = tenantScopeOf(request.user);
  };

  app.decorate('auth', (...roles: UserRole[]) => {
    if (roles.length === 0) return [authenticate];
    const allowed = new Set(roles);
    const requireRole: onRequestHookHandler = async function (request: FastifyRequest, _reply: FastifyReply) {
      if (!allowed.has(request.user.role)) throw new ForbiddenError();
    };
    return [authenticate, requireRole];
  });
}

export default fp(authPlugin, { name: 'auth', dependencies: ['errors'] });
