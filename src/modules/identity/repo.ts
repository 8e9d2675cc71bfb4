import { revokeAccessTokens } from '../../http/access-revocations.js';
import { taughtParticipantIds } from '../classroom/teaching.js';
import { and, asc, count, eq, gt, isNull, sql } from 'drizzle-orm';
import type { DbExecutor } from '../../db/index.js';
import {
  activationCodes,
  invitationCodes,
  memberships,
  organizations,
  refreshTokens,
  users,
  type User,
} from '../../db/schema.js';
import { afterCursor } from '../../http/pagination.js';
import { inTenant, type TenantScope } from '../../http/tenancy.js';
import { looksLikeNip, normalizeNip } from './nip.js';
import { personInScope } from './people.js';
import { personSearchConditions } from './search.js';
import type { UserListQuery } from './schemas.js';

// Every query on org-owned rows takes a TenantScope; nothing here filters by organization by hand.

export function findOrganization(db: DbExecutor, scope: TenantScope, id: string) {
  return db.query.organizations.findFirst({
    where: and(eq(organizations.id, id), inTenant(organizations.id, scope)),
  });
}

export function findOrganizationByCode(db: DbExecutor, scope: TenantScope, code: string) {
  return db.query.organizations.findFirst({
    where: and(eq(organizations.code, code), inTenant(organizations.id, scope)),
  });
}

export function listOrganizations(db: DbExecutor, scope: TenantScope, limit: number, cursor?: string) {
  return db
    .select()
    .from(organizations)
    .where(and(inTenant(organizations.id, scope), afterCursor(organizations.createdAt, organizations.id, cursor)))
    .orderBy(asc(organizations.createdAt), asc(organizations.id))
    .limit(limit + 1);
}

/** Persons the organization is home to or has members in. */
export async function countPeopleOf(db: DbExecutor, orgId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(users)
    .where(personInScope({ kind: 'org', orgId }));
  return row?.n ?? 0;
}

export function findUser(db: DbExecutor, scope: TenantScope, id: string) {
  return db.query.users.findFirst({ where: and(eq(users.id, id), personInScope(scope)) });
}

export function listUsers(db: DbExecutor, scope: TenantScope, q: UserListQuery, instructorId?: string) {
  const orgId = q.orgId ?? (scope.kind === 'org' ? scope.orgId : undefined);
  const withRole = (role: NonNullable<UserListQuery['role']>) =>
    role === 'platform_admin'
      ? eq(users.platformAdmin, true)
      : sql`exists (select 1 from ${memberships} m where m.user_id = ${users.id} and m.role = ${role}
                     ${orgId ? sql`and m.org_id = ${orgId}::uuid` : sql``})`;
  return db
    .select()
    .from(users)
    .where(
      and(
        personInScope(scope),
        q.orgId ? personInScope({ kind: 'org', orgId: q.orgId }) : undefined,
        q.role ? withRole(q.role) : undefined,
        q.status ? eq(users.status, q.status) : undefined,
        ...personSearchConditions(q, users),
        instructorId ? instructorSees(instructorId) : undefined,
        afterCursor(users.createdAt, users.id, q.cursor),
      ),
    )
    .orderBy(asc(users.createdAt), asc(users.id))
    .limit(q.limit + 1);
}

/** An instructor reads themselves and the participants of the cohorts they teach. */
export function instructorSees(instructorId: string) {
  return sql`(${users.id} = ${instructorId} or ${users.id} in (${taughtParticipantIds(instructorId)}))`;
}

export async function instructorMaySee(db: DbExecutor, instructorId: string, userId: string): Promise<boolean> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), instructorSees(instructorId)));
  return rows.length > 0;
}

/**
 * Login is by NIP (of either kind, written with spaces, dots or dashes as people do) or by email,
 * across all organizations: both are unique system-wide.
 */
export function findUserByLogin(db: DbExecutor, login: string): Promise<User | undefined> {
  const key = login.trim();
  const where = looksLikeNip(key) ? eq(users.nip, normalizeNip(key)) : eq(users.email, key.toLowerCase());
  return db.query.users.findFirst({ where });
}

/** The organizations a person belongs to, with their roles in each. */
export function membershipsOf(db: DbExecutor, userId: string) {
  return db
    .select({ orgId: memberships.orgId, role: memberships.role, code: organizations.code, name: organizations.name })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.orgId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(organizations.name));
}

export async function recordLoginSuccess(db: DbExecutor, userId: string, at: Date): Promise<void> {
  await db.update(users).set({ lastLoginAt: at }).where(eq(users.id, userId));
}

export async function insertRefreshToken(
  db: DbExecutor,
  values: {
    userId: string;
    orgId: string | null;
    familyId: string;
    tokenHash: string;
    expiresAt: Date;
    createdAt: Date;
  },
): Promise<void> {
  await db.insert(refreshTokens).values(values);
}

/** Marks the token used if it is still good; the row comes back only to the one caller that won. */
export async function consumeRefreshToken(db: DbExecutor, tokenHash: string, now: Date) {
  const [row] = await db
    .update(refreshTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(refreshTokens.tokenHash, tokenHash),
        isNull(refreshTokens.usedAt),
        isNull(refreshTokens.revokedAt),
        sql`${refreshTokens.expiresAt} > ${now.toISOString()}::timestamptz`,
      ),
    )
    .returning();
  return row;
}

export function findRefreshToken(db: DbExecutor, tokenHash: string) {
  return db.query.refreshTokens.findFirst({ where: eq(refreshTokens.tokenHash, tokenHash) });
}

export async function revokeFamily(db: DbExecutor, familyId: string, now: Date): Promise<void> {
  await db
    .update(refreshTokens)
    .set({ revokedAt: now })
    .where(and(eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt)));
}

export async function revokeAllOfUser(db: DbExecutor, userId: string, now: Date): Promise<void> {
  await db
    .update(refreshTokens)
    .set({ revokedAt: now })
    .where(and(eq(refreshTokens.userId, userId), isNull(refreshTokens.revokedAt)));
  await revokeAccessTokens(db, userId);
}

export async function upsertActivationCodes(
  db: DbExecutor,
  values: Array<{ userId: string; codeHash: string; expiresAt: Date; createdAt: Date }>,
): Promise<void> {
  if (values.length === 0) return;
  await db
    .insert(activationCodes)
    .values(values)
    .onConflictDoUpdate({
      target: activationCodes.userId,
      set: {
        codeHash: sql`excluded.code_hash`,
        expiresAt: sql`excluded.expires_at`,
        createdAt: sql`excluded.created_at`,
        usedAt: null,
      },
    });
}

/** Codes of invitation mails that still work. */
export function invitationCodesOf(db: DbExecutor, userId: string, now: Date) {
  return db
    .select({ codeHash: invitationCodes.codeHash })
    .from(invitationCodes)
    .where(and(eq(invitationCodes.userId, userId), gt(invitationCodes.expiresAt, now)));
}

export async function deleteInvitationCodes(db: DbExecutor, userId: string): Promise<void> {
  await db.delete(invitationCodes).where(eq(invitationCodes.userId, userId));
}

export function findActivationCode(db: DbExecutor, userId: string) {
  return db.query.activationCodes.findFirst({ where: eq(activationCodes.userId, userId) });
}

export async function markActivationUsed(db: DbExecutor, userId: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(activationCodes)
    .set({ usedAt: at })
    .where(and(eq(activationCodes.userId, userId), isNull(activationCodes.usedAt)))
    .returning({ userId: activationCodes.userId });
  return rows.length === 1;
}
