import { and, asc, eq, inArray, or } from 'drizzle-orm';
import type { Clock } from '../../clock.js';
import { conflictOnReference, conflictOnUnique } from '../../db/errors.js';
import type { Db, DbExecutor } from '../../db/index.js';
import { memberships, organizations, users, type MembershipRole, type User, type UserRole } from '../../db/schema.js';
import type { Actor } from '../../http/actor.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../http/errors.js';
import { page } from '../../http/pagination.js';
import { ALL_TENANTS, owningOrg, type TenantScope } from '../../http/tenancy.js';
import { recordAudit } from '../audit/record.js';
import { queueInvitations } from '../mail/outbox.js';
import { hashActivationCode, newActivationCode } from './activation.js';
import { checkNip } from './nip.js';
import { hashPassword } from './passwords.js';
import { addMemberships, personInScope, rolesOf, strongestRole } from './people.js';
import * as repo from './repo.js';
import {
  DEFAULT_ORGANIZATION_SETTINGS,
  type OrganizationCreate,
  type OrganizationUpdate,
  type UserCreate,
  type UserListQuery,
  type UserUpdate,
} from './schemas.js';
import { msg } from '../../i18n/index.js';

export interface DirectoryServiceDeps {
  db: Db;
  clock: Clock;
  defaultTimeZone: string;
  /** How long the code in an invitation mail works, in days. */
  invitationTtlDays?: number;
}

const conflictFrom = conflictOnUnique({
  users_nip_key: () => new ConflictError('Another user already has this NIP', 'NIP_TAKEN'),
  users_email_key: () => new ConflictError('Another user already has this email', 'EMAIL_TAKEN'),
  organizations_code_unique: () =>
    new ConflictError('Another organization already has this code', 'ORGANIZATION_CODE_TAKEN'),
});

function assertNip(nip: string | null | undefined, birthDate: string | null | undefined) {
  if (!nip) return null;
  const check = checkNip(nip, birthDate);
  if (!check.ok)
    throw new ValidationError(check.reason, [{ path: 'body.nip', message: check.message }], 'INVALID_NIP').with(
      check.message.params,
      check.message.key,
    );
  return check.kind;
}

/** Which roles may manage which: an org admin manages the people of one organization, never platform admins. */
function assertMayAssignRole(actor: Actor, role: UserRole): void {
  if (actor.role === 'platform_admin' || actor.role === 'system') return;
  if (role === 'platform_admin')
    throw new ForbiddenError('Only platform administrators can grant that role').with(undefined, 'FORBIDDEN.grantRole');
}

/** The profile, login and status of a person are their home organization's to change (or a platform admin's). */
function assertMayEditPerson(actor: Actor, user: User): void {
  if (actor.scope.kind === 'all') return;
  if (user.homeOrgId !== actor.scope.orgId) {
    throw new ForbiddenError(
      'Only the person\u2019s home organization can change their profile, login or status; you can change their role here',
      'NOT_HOME_ORGANIZATION',
    );
  }
}

export type PersonView = User & { role: UserRole; roles: MembershipRole[] };

/** A person as the scope sees them: their roles there, the strongest as `role`. */
export async function personViews(db: DbExecutor, scope: TenantScope, list: User[]): Promise<PersonView[]> {
  const roles = await rolesOf(
    db,
    list.map((u) => u.id),
    scope,
  );
  return list.map((u) => {
    const own = roles.get(u.id) ?? [];
    return { ...u, roles: own, role: u.platformAdmin ? 'platform_admin' : (strongestRole(own) ?? 'participant') };
  });
}

export function createDirectoryService({ db, clock, defaultTimeZone, invitationTtlDays = 30 }: DirectoryServiceDeps) {
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
    const user =
      actor.userId === id
        ? await repo.findUser(tx, ALL_TENANTS, id)
        : actor.role === 'participant'
          ? undefined
          : await repo.findUser(tx, actor.scope, id);
    if (!user) throw new NotFoundError('User');
    if (actor.role === 'instructor' && user.id !== actor.userId) {
      if (!(await repo.instructorMaySee(tx, actor.userId!, user.id))) throw new NotFoundError('User');
    }
    return user;
  }

  const view = async (tx: DbExecutor, actor: Actor, user: User) => (await personViews(tx, actor.scope, [user]))[0]!;

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
      return { ...DEFAULT_ORGANIZATION_SETTINGS, ...org.settings };
    },

    /**
     * Where a person's year is counted and what they must earn in it: their home organization's
     * time zone and target (the PPPK target for a PPPK number), else the server's defaults.
     */
    async personYear(user: Pick<User, 'homeOrgId' | 'nipKind'>) {
      const org = user.homeOrgId ? await repo.findOrganization(db, ALL_TENANTS, user.homeOrgId) : undefined;
      const settings = { ...DEFAULT_ORGANIZATION_SETTINGS, ...org?.settings };
      return {
        timeZone: org?.timeZone ?? defaultTimeZone,
        targetJp: user.nipKind === 'pppk' ? settings.annualJpTargetPppk : settings.annualJpTarget,
      };
    },

    /** Whether the actor's organization is the person's home (platform admins count as every home). */
    isHomeOf(actor: Actor, user: Pick<User, 'id' | 'homeOrgId'>): boolean {
      return actor.scope.kind === 'all' || actor.userId === user.id || user.homeOrgId === actor.scope.orgId;
    },

    async organizationNames(orgIds: string[]) {
      if (orgIds.length === 0) return new Map<string, { id: string; code: string; name: string }>();
      const rows = await db
        .select({ id: organizations.id, code: organizations.code, name: organizations.name })
        .from(organizations)
        .where(inArray(organizations.id, orgIds));
      return new Map(rows.map((r) => [r.id, r]));
    },

    async organizationTimeZone(orgId: string) {
      const org = await repo.findOrganization(db, ALL_TENANTS, orgId);
      if (!org) throw new NotFoundError('Organization');
      return org.timeZone;
    },

    async organizationByCode(actor: Actor, code: string) {
      const org = await repo.findOrganizationByCode(db, actor.scope, code);
      if (!org) throw new NotFoundError('Organization').with({ entity: msg('entity.organizationCode', { code }) });
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
        if ((await repo.countPeopleOf(tx, id)) > 0) {
          throw new ConflictError(
            'The organization still has users; disable or move them first',
            'ORGANIZATION_NOT_EMPTY',
          ).with(undefined, 'ORGANIZATION_NOT_EMPTY.users');
        }
        await tx
          .delete(organizations)
          .where(eq(organizations.id, id))
          .catch(
            conflictOnReference(
              () =>
                new ConflictError(
                  'The organization still has courses, cohorts, webhook endpoints or other records; remove them first',
                  'ORGANIZATION_NOT_EMPTY',
                ),
            ),
          );
        await audit(tx, actor, id, 'organization.deleted', 'organization', id, { code: org.code });
      });
    },

    // ---- users ----

    /**
     * Makes a person a member of an organization with a role. A person already known by the NIP or
     * email is linked (a widyaiswara of another instansi made an instructor here), never duplicated,
     * and their profile is left as their home organization keeps it. A new person's home is the
     * organization that creates them.
     */
    async createUser(actor: Actor, input: UserCreate) {
      assertMayAssignRole(actor, input.role);
      const orgId = input.role === 'platform_admin' ? null : owningOrg(actor.scope, input.orgId);
      const nipKind = assertNip(input.nip, input.birthDate);
      const passwordHash = input.password ? await hashPassword(input.password) : null;
      return db
        .transaction(async (tx) => {
          if (orgId && !(await repo.findOrganization(tx, actor.scope, orgId))) throw new NotFoundError('Organization');
          const now = clock.now();
          const known = await tx
            .select()
            .from(users)
            .where(
              or(
                input.nip ? eq(users.nip, input.nip) : undefined,
                input.email ? eq(users.email, input.email) : undefined,
              ),
            );
          if (known.length > 1 || (known[0] && input.nip && known[0].nip !== input.nip)) {
            throw new ConflictError('Another person already has this email', 'EMAIL_TAKEN');
          }
          const existing = known[0];
          if (existing) {
            if (!orgId || existing.platformAdmin)
              throw new ConflictError(
                'A platform administrator cannot also be an organization member',
                'PERSON_EXISTS',
              ).with(undefined, 'PERSON_EXISTS.platformAdmin');
            if (passwordHash)
              throw new ConflictError(
                'This person already has an account: add them without a password, they keep their own',
                'PERSON_EXISTS',
              );
            const added = await addMemberships(
              tx,
              [{ userId: existing.id, orgId, role: input.role as MembershipRole }],
              now,
            );
            if (added === 0)
              throw new ConflictError(`This person is already ${input.role} here`, 'ALREADY_MEMBER').with({
                role: input.role,
              });
            await audit(tx, actor, orgId, 'user.linked', 'user', existing.id, { role: input.role });
            return { ...(await view(tx, actor, existing)), linked: true };
          }
          const { password: _password, orgId: _orgId, role: _role, ...profile } = input;
          const [created] = await tx
            .insert(users)
            .values({
              ...profile,
              nipKind,
              homeOrgId: orgId,
              platformAdmin: input.role === 'platform_admin',
              passwordHash,
              // Without a password the account waits for activation.
              status: passwordHash ? 'active' : 'pending',
              activatedAt: passwordHash ? now : null,
              createdAt: now,
              updatedAt: now,
            })
            .returning();
          if (orgId) {
            await addMemberships(tx, [{ userId: created!.id, orgId, role: input.role as MembershipRole }], now);
            // A pending account with an email is invited to activate itself.
            await queueInvitations(tx, { orgId, userIds: [created!.id], ttlDays: invitationTtlDays }, now);
          }
          await audit(tx, actor, orgId, 'user.created', 'user', created!.id, { role: input.role });
          return { ...(await view(tx, actor, created!)), linked: false };
        })
        .catch(conflictFrom);
    },

    async listUsers(actor: Actor, query: UserListQuery) {
      if (actor.role === 'participant') throw new ForbiddenError();
      const instructorId = actor.role === 'instructor' ? actor.userId! : undefined;
      const rows = await repo.listUsers(db, actor.scope, query, instructorId);
      const { items, nextCursor } = page(rows, query.limit);
      return { items: await personViews(db, actor.scope, items), nextCursor };
    },

    getUser: async (actor: Actor, id: string) => view(db, actor, await visibleUser(db, actor, id)),

    /**
     * A role changes the person's membership in the caller's organization; profile, login and status
     * are the home organization's to change.
     */
    async updateUser(actor: Actor, id: string, input: UserUpdate) {
      if (input.role) assertMayAssignRole(actor, input.role);
      const passwordHash = input.password ? await hashPassword(input.password) : undefined;
      return db
        .transaction(async (tx) => {
          const user = await visibleUser(tx, actor, id);
          if (user.platformAdmin) assertMayAssignRole(actor, 'platform_admin');
          if (input.role && (input.role === 'platform_admin') !== user.platformAdmin) {
            throw new ValidationError(
              'Platform administrators and organization members cannot be converted into each other',
              [{ path: 'body.role', message: msg('field.newAccount') }],
              'ROLE_CHANGE_NOT_ALLOWED',
            );
          }
          const { password: _password, role, ...changes } = input;
          const now = clock.now();
          if (Object.keys(changes).length > 0 || passwordHash) assertMayEditPerson(actor, user);
          const nipKind =
            input.nip === undefined
              ? user.nipKind
              : assertNip(input.nip, input.birthDate === undefined ? user.birthDate : input.birthDate);
          if (input.nip === undefined)
            assertNip(user.nip, input.birthDate === undefined ? user.birthDate : input.birthDate);
          let demoted = false;
          if (role && role !== 'platform_admin') {
            const orgId = actor.scope.kind === 'org' ? actor.scope.orgId : user.homeOrgId;
            if (!orgId) throw new NotFoundError('Organization');
            const before = (await rolesOf(tx, [id], { kind: 'org', orgId })).get(id) ?? [];
            // Any change of role ends the tokens that carry the old one.
            demoted = before.length !== 1 || before[0] !== role;
            await tx.delete(memberships).where(and(eq(memberships.userId, id), eq(memberships.orgId, orgId)));
            await addMemberships(tx, [{ userId: id, orgId, role }], now);
          }
          const [updated] = await tx
            .update(users)
            .set({
              ...changes,
              nipKind,
              ...(passwordHash
                ? {
                    passwordHash,
                    status: input.status ?? (user.status === 'pending' ? 'active' : user.status),
                    activatedAt: user.activatedAt ?? now,
                  }
                : {}),
              updatedAt: now,
            })
            .where(eq(users.id, id))
            .returning();
          if (input.status === 'disabled' || passwordHash || demoted) await repo.revokeAllOfUser(tx, id, now);
          const { password: _p, ...auditable } = input;
          await audit(tx, actor, actingOrg(actor, user), 'user.updated', 'user', id, {
            changes: { ...auditable, ...(passwordHash ? { password: '[changed]' } : {}) },
          });
          return view(tx, actor, updated!);
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
              .where(and(inArray(users.id, userIds), eq(users.status, 'pending'), personInScope(actor.scope)))
              .orderBy(asc(users.name))
          : [];
        const issued = pending.map((u) => ({ user: u, code: newActivationCode(), expiresAt }));
        await repo.upsertActivationCodes(
          tx,
          issued.map((i) => ({ userId: i.user.id, codeHash: hashActivationCode(i.code), expiresAt, createdAt: now })),
        );
        if (issued.length > 0) {
          await recordAudit(tx, {
            orgId: actor.scope.kind === 'org' ? actor.scope.orgId : (pending[0]?.homeOrgId ?? null),
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

    /**
     * For the home organization (or a platform admin): disables the account and ends its sessions;
     * the row stays, because history refers to it. For any other organization: the person leaves
     * it (its memberships go; enrollments stay as history), and keeps their account.
     */
    async disableUser(actor: Actor, id: string): Promise<void> {
      await db.transaction(async (tx) => {
        const user = await visibleUser(tx, actor, id);
        if (user.platformAdmin) assertMayAssignRole(actor, 'platform_admin');
        if (user.id === actor.userId) {
          throw new ConflictError('You cannot disable your own account', 'CANNOT_DISABLE_SELF');
        }
        const now = clock.now();
        if (actor.scope.kind === 'org' && user.homeOrgId !== actor.scope.orgId) {
          await tx.delete(memberships).where(and(eq(memberships.userId, id), eq(memberships.orgId, actor.scope.orgId)));
          await audit(tx, actor, actor.scope.orgId, 'user.membership_ended', 'user', id);
          return;
        }
        await tx.update(users).set({ status: 'disabled', updatedAt: now }).where(eq(users.id, id));
        await repo.revokeAllOfUser(tx, id, now);
        await audit(tx, actor, user.homeOrgId, 'user.disabled', 'user', id);
      });
    },
  };
}

/** The organization an action on a person is recorded under: the caller's, else the person's home. */
function actingOrg(actor: Actor, user: User): string | null {
  return actor.scope.kind === 'org' ? actor.scope.orgId : user.homeOrgId;
}

export type DirectoryService = ReturnType<typeof createDirectoryService>;
