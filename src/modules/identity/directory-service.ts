import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Clock } from '../../clock.js';
import { conflictOnReference, conflictOnUnique } from '../../db/errors.js';
import type { Db, DbExecutor } from '../../db/index.js';
import { organizations, users, type User } from '../../db/schema.js';
import type { Actor } from '../../http/actor.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../http/errors.js';
import { page } from '../../http/pagination.js';
import { ALL_TENANTS, inTenant, owningOrg } from '../../http/tenancy.js';
import { recordAudit } from '../audit/record.js';
import { hashActivationCode, newActivationCode } from './activation.js';
import { checkNip } from './nip.js';
import { hashPassword } from './passwords.js';
import * as repo from './repo.js';
import {
  DEFAULT_ORGANIZATION_SETTINGS,
  type OrganizationCreate,
  type OrganizationUpdate,
  type UserCreate,
  type UserListQuery,
  type UserUpdate,
} from './schemas.js';

export interface DirectoryServiceDeps {
  db: Db;
  clock: Clock;
  defaultTimeZone: string;
}

const conflictFrom = conflictOnUnique({
  users_nip_key: () => new ConflictError('Another user already has this NIP', 'NIP_TAKEN'),
  users_email_key: () => new ConflictError('Another user already has this email', 'EMAIL_TAKEN'),
  organizations_code_unique: () =>
    new ConflictError('Another organization already has this code', 'ORGANIZATION_CODE_TAKEN'),
});

function assertNip(nip: string | null | undefined, birthDate: string | null | undefined): void {
  if (!nip) return;
  const check = checkNip(nip, birthDate);
  if (!check.ok) throw new ValidationError(check.reason, [{ path: 'body.nip', message: check.reason }], 'INVALID_NIP');
}

/** Which roles may manage which: an org admin manages the people of one organization, never platform admins. */
function assertMayAssignRole(actor: Actor, role: User['role']): void {
  if (actor.role === 'platform_admin' || actor.role === 'system') return;
  if (role === 'platform_admin') throw new ForbiddenError('Only platform administrators can grant that role');
}

export function createDirectoryService({ db, clock, defaultTimeZone }: DirectoryServiceDeps) {
  const audit = (
    tx: DbExecutor,
    actor: Actor,
    orgId: string | null,
    action: string,
    entityType: string,
    entityId: string,
    data: Record<string, unknown> = {},
  ) =>
    recordAudit(tx, {
      orgId,
      actorId: actor.userId,
      action,
      entityType,
      entityId,
      data,
      requestId: actor.requestId,
      at: clock.now(),
    });

  /** A participant sees only themselves; an instructor also the participants they teach; admins their organization. */
  async function visibleUser(tx: DbExecutor, actor: Actor, id: string): Promise<User> {
    const user = await repo.findUser(tx, actor.scope, id);
    if (!user || (actor.role === 'participant' && user.id !== actor.userId)) {
      throw new NotFoundError('User');
    }
    if (actor.role === 'instructor' && user.id !== actor.userId) {
      if (!(await repo.instructorMaySee(tx, actor.userId!, user.id))) throw new NotFoundError('User');
    }
    return user;
  }

  return {
    // ---- organizations ----

    async createOrganization(actor: Actor, input: OrganizationCreate) {
      return db
        .transaction(async (tx) => {
          const now = clock.now();
          const [org] = await tx
            .insert(organizations)
            .values({
              code: input.code,
              name: input.name,
              timeZone: input.timeZone ?? defaultTimeZone,
              settings: { ...DEFAULT_ORGANIZATION_SETTINGS, ...input.settings },
              createdAt: now,
              updatedAt: now,
            })
            .returning();
          await audit(tx, actor, org!.id, 'organization.created', 'organization', org!.id, { code: input.code });
          return org!;
        })
        .catch(conflictFrom);
    },

    async listOrganizations(actor: Actor, limit: number, cursor?: string) {
      return page(await repo.listOrganizations(db, actor.scope, limit, cursor), limit);
    },

    /** For other modules: an organization's settings (minutes per JP, annual target). */
    async organizationSettings(orgId: string) {
      const org = await repo.findOrganization(db, ALL_TENANTS, orgId);
      if (!org) throw new NotFoundError('Organization');
      return org.settings;
    },

    async organizationTimeZone(orgId: string) {
      const org = await repo.findOrganization(db, ALL_TENANTS, orgId);
      if (!org) throw new NotFoundError('Organization');
      return org.timeZone;
    },

    async organizationByCode(actor: Actor, code: string) {
      const org = await repo.findOrganizationByCode(db, actor.scope, code);
      if (!org) throw new NotFoundError(`Organization ${code}`);
      return org;
    },

    async getOrganization(actor: Actor, id: string) {
      const org = await repo.findOrganization(db, actor.scope, id);
      if (!org) throw new NotFoundError('Organization');
      return org;
    },

    async updateOrganization(actor: Actor, id: string, input: OrganizationUpdate) {
      return db.transaction(async (tx) => {
        const org = await repo.findOrganization(tx, actor.scope, id);
        if (!org) throw new NotFoundError('Organization');
        const [updated] = await tx
          .update(organizations)
          .set({
            ...(input.name !== undefined ? { name: input.name } : {}),
            ...(input.timeZone !== undefined ? { timeZone: input.timeZone } : {}),
            settings: { ...org.settings, ...input.settings },
            updatedAt: clock.now(),
          })
          .where(eq(organizations.id, id))
          .returning();
        await audit(tx, actor, id, 'organization.updated', 'organization', id, { changes: input });
        return updated!;
      });
    },

    async deleteOrganization(actor: Actor, id: string): Promise<void> {
      await db.transaction(async (tx) => {
        const org = await repo.findOrganization(tx, actor.scope, id);
        if (!org) throw new NotFoundError('Organization');
        if ((await repo.countUsersOf(tx, id)) > 0) {
          throw new ConflictError(
            'The organization still has users; disable or move them first',
            'ORGANIZATION_NOT_EMPTY',
          );
        }
        await tx
          .delete(organizations)
          .where(eq(organizations.id, id))
          .catch(
            conflictOnReference(
              () =>
                new ConflictError(
                  'The organization still has courses, cohorts or other records; remove them first',
                  'ORGANIZATION_NOT_EMPTY',
                ),
            ),
          );
        await audit(tx, actor, id, 'organization.deleted', 'organization', id, { code: org.code });
      });
    },

    // ---- users ----

    async createUser(actor: Actor, input: UserCreate) {
      assertMayAssignRole(actor, input.role);
      const orgId = input.role === 'platform_admin' ? null : owningOrg(actor.scope, input.orgId);
      assertNip(input.nip, input.birthDate);
      const passwordHash = input.password ? await hashPassword(input.password) : null;
      return db
        .transaction(async (tx) => {
          if (orgId && !(await repo.findOrganization(tx, actor.scope, orgId))) throw new NotFoundError('Organization');
          const now = clock.now();
          const { password: _password, orgId: _orgId, ...profile } = input;
          const [created] = await tx
            .insert(users)
            .values({
              ...profile,
              orgId,
              passwordHash,
              // Without a password the account waits for activation.
              status: passwordHash ? 'active' : 'pending',
              createdAt: now,
              updatedAt: now,
            })
            .returning();
          await audit(tx, actor, orgId, 'user.created', 'user', created!.id, { role: input.role });
          return created!;
        })
        .catch(conflictFrom);
    },

    async listUsers(actor: Actor, query: UserListQuery) {
      if (actor.role === 'participant') throw new ForbiddenError();
      const instructorId = actor.role === 'instructor' ? actor.userId! : undefined;
      return page(await repo.listUsers(db, actor.scope, query, instructorId), query.limit);
    },

    getUser: (actor: Actor, id: string) => visibleUser(db, actor, id),

    async updateUser(actor: Actor, id: string, input: UserUpdate) {
      if (input.role) assertMayAssignRole(actor, input.role);
      const passwordHash = input.password ? await hashPassword(input.password) : undefined;
      return db
        .transaction(async (tx) => {
          const user = await visibleUser(tx, actor, id);
          if (user.role === 'platform_admin') assertMayAssignRole(actor, user.role);
          if (input.role && (input.role === 'platform_admin') !== (user.role === 'platform_admin')) {
            throw new ValidationError(
              'Platform administrators and organization members cannot be converted into each other',
              [{ path: 'body.role', message: 'Create a new account instead' }],
              'ROLE_CHANGE_NOT_ALLOWED',
            );
          }
          assertNip(
            input.nip === undefined ? user.nip : input.nip,
            input.birthDate === undefined ? user.birthDate : input.birthDate,
          );
          const { password: _password, ...changes } = input;
          const now = clock.now();
          const [updated] = await tx
            .update(users)
            .set({
              ...changes,
              ...(passwordHash
                ? { passwordHash, status: input.status ?? (user.status === 'pending' ? 'active' : user.status) }
                : {}),
              updatedAt: now,
            })
            .where(eq(users.id, id))
            .returning();
          const demoted = input.role !== undefined && input.role !== user.role;
          if (input.status === 'disabled' || passwordHash || demoted) await repo.revokeAllOfUser(tx, id, now);
          const { password: _p, ...auditable } = input;
          await audit(tx, actor, user.orgId, 'user.updated', 'user', id, {
            changes: { ...auditable, ...(passwordHash ? { password: '[changed]' } : {}) },
          });
          return updated!;
        })
        .catch(conflictFrom);
    },

    /**
     * New one-time activation codes for pending accounts (earlier codes stop working). Codes are
     * stored hashed, so this is the only moment they can be read.
     */
    async issueActivationCodes(actor: Actor, userIds: string[], ttlDays: number) {
      return db.transaction(async (tx) => {
        const now = clock.now();
        const expiresAt = new Date(now.getTime() + ttlDays * 86_400_000);
        const pending = userIds.length
          ? await tx
              .select()
              .from(users)
              .where(and(inArray(users.id, userIds), eq(users.status, 'pending'), inTenant(users.orgId, actor.scope)))
              .orderBy(asc(users.name))
          : [];
        const issued = pending.map((u) => ({ user: u, code: newActivationCode(), expiresAt }));
        await repo.upsertActivationCodes(
          tx,
          issued.map((i) => ({ userId: i.user.id, codeHash: hashActivationCode(i.code), expiresAt, createdAt: now })),
        );
        if (issued.length > 0) {
          await recordAudit(tx, {
            orgId: actor.scope.kind === 'org' ? actor.scope.orgId : (pending[0]?.orgId ?? null),
            actorId: actor.userId,
            action: 'user.activation_codes_issued',
            entityType: 'user',
            data: { count: issued.length },
            requestId: actor.requestId,
            at: now,
          });
        }
        return issued;
      });
    },

    /** Disables the account and ends its sessions; the row stays, because history refers to it. */
    async disableUser(actor: Actor, id: string): Promise<void> {
      await db.transaction(async (tx) => {
        const user = await visibleUser(tx, actor, id);
        if (user.role === 'platform_admin') assertMayAssignRole(actor, user.role);
        if (user.id === actor.userId) {
          throw new ConflictError('You cannot disable your own account', 'CANNOT_DISABLE_SELF');
        }
        const now = clock.now();
        await tx.update(users).set({ status: 'disabled', updatedAt: now }).where(eq(users.id, id));
        await repo.revokeAllOfUser(tx, id, now);
        await audit(tx, actor, user.orgId, 'user.disabled', 'user', id);
      });
    },
  };
}

export type DirectoryService = ReturnType<typeof createDirectoryService>;
