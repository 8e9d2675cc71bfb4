import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Clock } from '../../clock.js';
import type { Db, DbExecutor } from '../../db/index.js';
import type { User } from '../../db/schema.js';
import type { Principal } from '../../http/auth.js';
import { eq } from 'drizzle-orm';
import { users } from '../../db/schema.js';
import { ForbiddenError, NotFoundError, UnauthorizedError, ValidationError } from '../../http/errors.js';
import { ALL_TENANTS } from '../../http/tenancy.js';
import { recordAudit } from '../audit/record.js';
import type { LoginThrottle } from '../login-throttle/service.js';
import { activationCodeMatches } from './activation.js';
import { hashPassword, verifyPassword } from './passwords.js';
import * as repo from './repo.js';

export interface AuthSettings {
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  loginMaxFailures: number;
  loginLockMinutes: number;
  /** A used refresh token presented again this soon is a second tab, not a copy. */
  refreshReuseGraceSeconds: number;
}

export interface AuthServiceDeps {
  db: Db;
  clock: Clock;
  settings: AuthSettings;
  signAccessToken: (principal: Principal) => string;
  throttle: LoginThrottle;
}

export interface TokenPair {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  refreshToken: string;
  refreshExpiresAt: Date;
}

interface RequestContext {
  requestId: string;
  ip: string;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function createAuthService({ db, clock, settings, signAccessToken, throttle }: AuthServiceDeps) {
  async function issueTokens(tx: DbExecutor, user: User, familyId: string): Promise<TokenPair> {
    const now = clock.now();
    const refreshToken = randomBytes(32).toString('base64url');
    const refreshExpiresAt = new Date(now.getTime() + settings.refreshTokenTtlDays * 86_400_000);
    await repo.insertRefreshToken(tx, {
      userId: user.id,
      familyId,
      tokenHash: hashToken(refreshToken),
      expiresAt: refreshExpiresAt,
      createdAt: now,
    });
    return {
      accessToken: signAccessToken({ userId: user.id, orgId: user.orgId, role: user.role }),
      tokenType: 'Bearer',
      expiresIn: settings.accessTokenTtlSeconds,
      refreshToken,
      refreshExpiresAt,
    };
  }

  const audit = (tx: DbExecutor, user: User, action: string, ctx: RequestContext, data: Record<string, unknown> = {}) =>
    recordAudit(tx, {
      orgId: user.orgId,
      actorId: user.id,
      action,
      entityType: 'user',
      entityId: user.id,
      data: { ip: ctx.ip, ...data },
      requestId: ctx.requestId,
      at: clock.now(),
    });

  return {
    async login(login: string, password: string, ctx: RequestContext): Promise<TokenPair> {
      await throttle.check(login, ctx.ip);
      const user = await repo.findUserByLogin(db, login);
      const now = clock.now();
      const valid = await verifyPassword(user?.passwordHash ?? null, password);
      if (!user || !valid) {
        const delayMs = await throttle.failed(login, ctx.ip);
        if (user) await audit(db, user, 'auth.login_failed', ctx, delayMs > 0 ? { delayMs } : {});
        throw new UnauthorizedError('The NIP or email and password do not match', 'INVALID_CREDENTIALS');
      }
      await throttle.succeeded(login, ctx.ip);
      if (user.status !== 'active') {
        throw new ForbiddenError('This account is disabled', 'ACCOUNT_DISABLED');
      }
      return db.transaction(async (tx) => {
        await repo.recordLoginSuccess(tx, user.id, now);
        await audit(tx, user, 'auth.login', ctx);
        return issueTokens(tx, user, randomUUID());
      });
    },

    /**
     * Rotates a refresh token. A token can be used once: presenting it again means it was copied,
     * so the whole family (every token descended from the same login) is revoked.
     */
    async refresh(refreshToken: string, ctx: RequestContext): Promise<TokenPair> {
      const tokenHash = hashToken(refreshToken);
      const now = clock.now();
      const outcome = await db.transaction(async (tx) => {
        const consumed = await repo.consumeRefreshToken(tx, tokenHash, now);
        if (consumed) {
          const user = await repo.findUser(tx, ALL_TENANTS, consumed.userId);
          if (!user || user.status !== 'active') {
            await repo.revokeFamily(tx, consumed.familyId, now);
            return { error: new ForbiddenError('This account is disabled', 'ACCOUNT_DISABLED') };
          }
          return { tokens: await issueTokens(tx, user, consumed.familyId) };
        }
        const known = await repo.findRefreshToken(tx, tokenHash);
        if (!known) return { error: new UnauthorizedError('The refresh token is not valid', 'REFRESH_TOKEN_INVALID') };
        if (known.usedAt && !known.revokedAt) {
          // Two tabs refreshing at once present the same token: the later one gets its own pair.
          if (now.getTime() - known.usedAt.getTime() <= settings.refreshReuseGraceSeconds * 1000) {
            const user = await repo.findUser(tx, ALL_TENANTS, known.userId);
            if (user?.status === 'active') return { tokens: await issueTokens(tx, user, known.familyId) };
          }
          await repo.revokeFamily(tx, known.familyId, now);
          const user = await repo.findUser(tx, ALL_TENANTS, known.userId);
          if (user) await audit(tx, user, 'auth.refresh_reused', ctx, { familyId: known.familyId });
          return {
            error: new UnauthorizedError(
              'This refresh token was already used; every session from the same login has been signed out',
              'REFRESH_TOKEN_REUSED',
            ),
          };
        }
        if (known.revokedAt) {
          return { error: new UnauthorizedError('The refresh token has been revoked', 'REFRESH_TOKEN_REVOKED') };
        }
        return { error: new UnauthorizedError('The refresh token has expired', 'REFRESH_TOKEN_EXPIRED') };
      });
      // Thrown after the transaction so that a revocation commits even though the call fails.
      if ('error' in outcome) throw outcome.error;
      return outcome.tokens;
    },

    /**
     * Sets the first password of a pending account with its one-time code, and logs it in. Every
     * failure answers the same, so the call reveals nothing about accounts or codes.
     */
    async activate(login: string, code: string, password: string, ctx: RequestContext): Promise<TokenPair> {
      const invalid = new ValidationError(
        'The NIP or email and activation code do not match, or the code has expired or was used',
        [],
        'ACTIVATION_INVALID',
      );
      await throttle.check(login, ctx.ip);
      const fail = async () => {
        await throttle.failed(login, ctx.ip);
        return invalid;
      };
      const user = await repo.findUserByLogin(db, login);
      if (!user || user.status !== 'pending') throw await fail();
      const stored = await repo.findActivationCode(db, user.id);
      const now = clock.now();
      if (!stored || stored.usedAt || stored.expiresAt <= now || !activationCodeMatches(code, stored.codeHash))
        throw await fail();
      await throttle.succeeded(login, ctx.ip);
      const passwordHash = await hashPassword(password);
      return db.transaction(async (tx) => {
        // Only one of two simultaneous activations with the same code gets through.
        if (!(await repo.markActivationUsed(tx, user.id, now))) throw invalid;
        await tx.update(users).set({ passwordHash, status: 'active', updatedAt: now }).where(eq(users.id, user.id));
        await repo.recordLoginSuccess(tx, user.id, now);
        await audit(tx, user, 'auth.activated', ctx);
        return issueTokens(tx, { ...user, status: 'active' }, randomUUID());
      });
    },

    /** Ends the session the refresh token belongs to. Unknown tokens are ignored: logout is idempotent. */
    async logout(refreshToken: string): Promise<void> {
      const known = await repo.findRefreshToken(db, hashToken(refreshToken));
      if (known) await repo.revokeFamily(db, known.familyId, clock.now());
    },

    async me(principal: Principal) {
      const user = await repo.findUser(db, ALL_TENANTS, principal.userId);
      if (!user) throw new NotFoundError('User');
      const org = user.orgId ? await repo.findOrganization(db, ALL_TENANTS, user.orgId) : undefined;
      return {
        ...user,
        organization: org ? { id: org.id, code: org.code, name: org.name, timeZone: org.timeZone } : null,
      };
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
