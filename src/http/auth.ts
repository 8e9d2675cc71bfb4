import jwt from '@fastify/jwt';
import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import type pg from 'pg';
import type { UserRole } from '../db/schema.js';
import { watchRevocations } from './access-revocations.js';
import { ForbiddenError, UnauthorizedError } from './errors.js';
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
  pool: pg.Pool;
}

// How soon a disabled, demoted or re-passworded user's access tokens stop working on every replica.
const REVOCATION_POLL_MS = 1000;

const VERIFIED_TOKENS_KEPT = 20_000;

/**
 * Whatever is wrong with a presented token (another algorithm in its header, `none`, a missing
 * or broken signature, bad claims) is a 401 with one of three codes; the verifier's own error
 * codes never reach a client, and none of them is a 500.
 */
function tokenError(error: unknown): UnauthorizedError {
  const code = (error as { code?: string }).code;
  if (code === 'FST_JWT_NO_AUTHORIZATION_IN_HEADER') return new UnauthorizedError();
  if (code === 'FST_JWT_AUTHORIZATION_TOKEN_EXPIRED' || code === 'FAST_JWT_EXPIRED') {
    return new UnauthorizedError('The access token has expired', 'TOKEN_EXPIRED');
  }
  return new UnauthorizedError('The access token is not valid', 'TOKEN_INVALID');
}

async function authPlugin(app: FastifyInstance, options: AuthOptions): Promise<void> {
  await app.register(jwt, {
    secret: options.secret,
    sign: { expiresIn: options.accessTokenTtlSeconds, algorithm: 'HS256' },
    verify: { algorithms: ['HS256'] },
    formatUser: (claims) => ({ userId: claims.sub, orgId: claims.org, role: claims.role }),
  });

  // Replaced on every authenticated request; an unauthenticated route never reads it.
  app.decorateRequest('tenant', null as never);

  app.decorate('signAccessToken', (p: Principal) => app.jwt.sign({ sub: p.userId, org: p.orgId, role: p.role }));

  // Verified tokens are remembered until they expire, by their exact text: a participant's client
  // sends the same token with every heartbeat, and decoding and checking it each time is a tenth of
  // the API's work on that path. The oldest entry goes first when the cache is full.
  const verified = new Map<string, { user: Principal; expiresAt: number; issuedAt: number | undefined }>();
  const revocations = watchRevocations(options.pool, {
    intervalMs: REVOCATION_POLL_MS,
    tokenTtlSeconds: options.accessTokenTtlSeconds,
  });
  await revocations.start();
  app.addHook('onClose', async () => revocations.stop());
  const authenticate: onRequestHookHandler = async function (request: FastifyRequest) {
    const header = request.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7) : undefined;
    const known = token === undefined ? undefined : verified.get(token);
    let issuedAt: number | undefined;
    if (known && known.expiresAt > Date.now()) {
      request.user = known.user;
      issuedAt = known.issuedAt;
    } else {
      await request.jwtVerify().catch((error: unknown) => {
        throw tokenError(error);
      });
      const claims = token === undefined ? undefined : app.jwt.decode<{ exp?: number; iat?: number }>(token);
      issuedAt = claims?.iat;
      if (token !== undefined && claims?.exp !== undefined) {
        if (verified.size >= VERIFIED_TOKENS_KEPT) verified.delete(verified.keys().next().value!);
        verified.set(token, { user: Object.freeze({ ...request.user }), expiresAt: claims.exp * 1000, issuedAt });
      }
    }
    if (revocations.isRevoked(request.user.userId, issuedAt)) {
      throw new UnauthorizedError('The access token was revoked; log in again', 'TOKEN_REVOKED');
    }
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
