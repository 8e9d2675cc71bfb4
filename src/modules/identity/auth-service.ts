import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Clock } from '../../clock.js';
import type { Db, DbExecutor } from '../../db/index.js';
import type { MembershipRole, User } from '../../db/schema.js';
import type { Principal } from '../../http/auth.js';
import { and, eq } from 'drizzle-orm';
import { users } from '../../db/schema.js';
import { ForbiddenError, NotFoundError, UnauthorizedError, ValidationError } from '../../http/errors.js';
import { ALL_TENANTS } from '../../http/tenancy.js';
import { recordAudit } from '../audit/record.js';
import type { LoginThrottle } from '../login-throttle/service.js';
import { activationCodeMatches } from './activation.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { strongestRole } from './people.js';
import * as repo from './repo.js';
import { isLang, type Lang } from '../../i18n/index.js';

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

/**
 * The organization a login acts in and the role it has there. Asked for: that organization, if the
 * person belongs to it (`strict` refuses otherwise; a refresh falls back). By default: the
 * strongest role, the home organization first among equals. A person with no membership acts as a
 * participant of their home organization: their own enrollments are theirs anywhere.
 */
async function principalFor(
  tx: DbExecutor,
  user: User,
  requestedOrgId: string | null | undefined,
  strict: boolean,
): Promise<Principal> {
  if (user.platformAdmin) return { userId: user.id, orgId: null, role: 'platform_admin' };
  const list = await repo.membershipsOf(tx, user.id);
  const rolesIn = (orgId: string) => list.filter((m) => m.orgId === orgId).map((m) => m.role);
  if (requestedOrgId) {
    const role = strongestRole(rolesIn(requestedOrgId));
    if (role) return { userId: user.id, orgId: requestedOrgId, role };
    if (strict) throw new ForbiddenError('You are not a member of that organization', 'NOT_A_MEMBER');
  }
  const orgIds = [...new Set(list.map((m) => m.orgId))];
  const ranked = orgIds
    .map((orgId) => ({ orgId, role: strongestRole(rolesIn(orgId))! }))
    .sort((a, b) => {
      const byRole = ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role);
      return byRole !== 0 ? byRole : Number(b.orgId === user.homeOrgId) - Number(a.orgId === user.homeOrgId);
    });
  const best = ranked[0];
  return best
    ? { userId: user.id, orgId: best.orgId, role: best.role }
    : { userId: user.id, orgId: user.homeOrgId, role: 'participant' };
}

const ROLE_ORDER = ['org_admin', 'instructor', 'participant'] as const;

export function createAuthService({ db, clock, settings, signAccessToken, throttle }: AuthServiceDeps) {
  async function issueTokens(
    tx: DbExecutor,
    user: User,
    familyId: string,
    requestedOrgId?: string | null,
    strict = false,
  ): Promise<TokenPair> {
    const now = clock.now();
    const principal = await principalFor(tx, user, requestedOrgId, strict);
    const refreshToken = randomBytes(32).toString('base64url');
    const refreshExpiresAt = new Date(now.getTime() + settings.refreshTokenTtlDays * 86_400_000);
    await repo.insertRefreshToken(tx, {
      userId: user.id,
      orgId: principal.orgId,
      familyId,
      tokenHash: hashToken(refreshToken),
      expiresAt: refreshExpiresAt,
      createdAt: now,
    });
    return {
      accessToken: signAccessToken(principal),
      tokenType: 'Bearer',
      expiresIn: settings.accessTokenTtlSeconds,
      refreshToken,
      refreshExpiresAt,
    };
  }

  const audit = (tx: DbExecutor, user: User, action: string, ctx: RequestContext, data: Record<string, unknown> = {}) =>
    recordAudit(tx, {
      orgId: user.homeOrgId,
      actorId: user.id,
      action,
      entityType: 'user',
      entityId: user.id,
      data: { ip: ctx.ip, ...data },
      requestId: ctx.requestId,
      at: clock.now(),
    });

  return {
    async login(
      login: string,
      password: string,
      ctx: RequestContext,
      organizationId?: string | undefined,
    ): Promise<TokenPair> {
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
        return issueTokens(tx, user, randomUUID(), organizationId, true);
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
          // The role is read again from the memberships: a demoted admin is demoted at the next refresh.
          return { tokens: await issueTokens(tx, user, consumed.familyId, consumed.orgId) };
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
      // The printed code, or the code of any invitation mail still valid.
      const printed =
        !!stored && !stored.usedAt && stored.expiresAt > now && activationCodeMatches(code, stored.codeHash);
      const mailed =
        !printed &&
        (await repo.invitationCodesOf(db, user.id, now)).some((c) => activationCodeMatches(code, c.codeHash));
      if (!printed && !mailed) throw await fail();
      await throttle.succeeded(login, ctx.ip);
      const passwordHash = await hashPassword(password);
      return db.transaction(async (tx) => {
        // Only one of two simultaneous activations gets through.
        const activated = await tx
          .update(users)
          .set({ passwordHash, status: 'active', activatedAt: now, updatedAt: now })
          .where(and(eq(users.id, user.id), eq(users.status, 'pending')))
          .returning({ id: users.id });
        if (activated.length === 0) throw invalid;
        await repo.markActivationUsed(tx, user.id, now);
        await repo.deleteInvitationCodes(tx, user.id);
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

    /** A new pair acting in another organization the person belongs to. */
    async switchOrganization(principal: Principal, organizationId: string, ctx: RequestContext): Promise<TokenPair> {
      return db.transaction(async (tx) => {
        const user = await repo.findUser(tx, ALL_TENANTS, principal.userId);
        if (!user || user.status !== 'active') throw new ForbiddenError('This account is disabled', 'ACCOUNT_DISABLED');
        const tokens = await issueTokens(tx, user, randomUUID(), organizationId, true);
        await audit(tx, user, 'auth.organization_switched', ctx, { organizationId });
        return tokens;
      });
    },

    /** The person's own settings: for now the language they read texts in. */
    async updateMe(principal: Principal, input: { locale: Lang | null }) {
      await db
        .update(users)
        .set({ locale: input.locale, updatedAt: clock.now() })
        .where(eq(users.id, principal.userId));
      return this.me(principal);
    },

    async me(principal: Principal) {
      const user = await repo.findUser(db, ALL_TENANTS, principal.userId);
      if (!user) throw new NotFoundError('User');
      const [list, active, home] = await Promise.all([
        repo.membershipsOf(db, user.id),
        principal.orgId ? repo.findOrganization(db, ALL_TENANTS, principal.orgId) : undefined,
        user.homeOrgId ? repo.findOrganization(db, ALL_TENANTS, user.homeOrgId) : undefined,
      ]);
      const byOrg = new Map<string, { id: string; code: string; name: string; roles: MembershipRole[] }>();
      for (const m of list) {
        const entry = byOrg.get(m.orgId) ?? { id: m.orgId, code: m.code, name: m.name, roles: [] };
        entry.roles.push(m.role);
        byOrg.set(m.orgId, entry);
      }
      return {
        ...user,
        locale: isLang(user.locale) ? user.locale : null,
        role: principal.role,
        roles: principal.orgId ? (byOrg.get(principal.orgId)?.roles ?? []) : [],
        organization: active
          ? { id: active.id, code: active.code, name: active.name, timeZone: active.timeZone }
          : null,
        homeOrganization: home ? { id: home.id, code: home.code, name: home.name } : null,
        memberships: [...byOrg.values()],
      };
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
