import { and, eq, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { DbExecutor } from '../../db/index.js';
import { memberships, organizations, users, type MembershipRole, type User } from '../../db/schema.js';
import type { TenantScope } from '../../http/tenancy.js';
import { nipKindOf } from './nip.js';
import { msg, type Message } from '../../i18n/index.js';

/**
 * People across organizations. A person (users row) is national: one NIP, or one email for staff
 * without a NIP. Organizations reach a person through memberships (org admin, instructor,
 * participant) and through being the person's home organization (their instansi). This file holds
 * that one rule (`personInScope`) and the set-based enrolment of roster records into persons.
 */

/** The WHERE condition for the persons a scope may see: its members and the staff it is home to. */
export function personInScope(scope: TenantScope): SQL | undefined {
  if (scope.kind === 'all') return undefined;
  return or(
    eq(users.homeOrgId, scope.orgId),
    sql`exists (select 1 from ${memberships} m where m.user_id = ${users.id} and m.org_id = ${scope.orgId}::uuid)`,
  );
}

const RANK: Record<MembershipRole, number> = { org_admin: 3, instructor: 2, participant: 1 };

/** The strongest role of a list: an org admin who also teaches acts as an org admin. */
export function strongestRole(roles: readonly MembershipRole[]): MembershipRole | null {
  let best: MembershipRole | null = null;
  for (const r of roles) if (!best || RANK[r] > RANK[best]) best = r;
  return best;
}

/** Each person's roles within the scope (every organization's for platform admins). */
export async function rolesOf(
  db: DbExecutor,
  userIds: string[],
  scope: TenantScope,
): Promise<Map<string, MembershipRole[]>> {
  const result = new Map<string, MembershipRole[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return result;
  const rows = await db
    .selectDistinct({ userId: memberships.userId, role: memberships.role })
    .from(memberships)
    .where(
      and(inArray(memberships.userId, userIds), scope.kind === 'org' ? eq(memberships.orgId, scope.orgId) : undefined),
    );
  for (const r of rows) result.get(r.userId)!.push(r.role);
  for (const roles of result.values()) roles.sort((a, b) => RANK[b] - RANK[a]);
  return result;
}

export async function addMemberships(
  db: DbExecutor,
  rows: Array<{ userId: string; orgId: string; role: MembershipRole }>,
  now: Date,
): Promise<number> {
  if (rows.length === 0) return 0;
  let added = 0;
  for (let i = 0; i < rows.length; i += 5000) {
    const inserted = await db
      .insert(memberships)
      .values(rows.slice(i, i + 5000).map((r) => ({ ...r, createdAt: now })))
      .onConflictDoNothing()
      .returning({ userId: memberships.userId });
    added += inserted.length;
  }
  return added;
}

/** A participant as a roster describes them: known by NIP, or by email when they have none. */
export interface ParticipantRecord {
  nip?: string | undefined;
  name: string;
  email?: string | undefined;
  position?: string | undefined;
  unit?: string | undefined;
  category?: string | undefined;
  rank?: string | undefined;
  birthPlace?: string | undefined;
  birthDate?: string | undefined;
  /** The participant's employing agency, as the file names it (an organization code or name). */
  instansi?: string | undefined;
}

export type ParticipantOutcome =
  | { ok: true; userId: string; outcome: 'created' | 'updated' | 'unchanged' | 'linked' }
  | { ok: false; reason: Message };

/** The key a record is known by in a roster: its NIP, else its email. */
export const recordKey = (r: { nip?: string | undefined; email?: string | undefined }): string =>
  r.nip ?? `email:${r.email}`;

const PROFILE_FIELDS = ['name', 'email', 'position', 'unit', 'category', 'rank', 'birthPlace', 'birthDate'] as const;

function changesFor(user: User, record: ParticipantRecord): Partial<ParticipantRecord> {
  const changes: Partial<ParticipantRecord> = {};
  for (const field of PROFILE_FIELDS) {
    const value = record[field];
    if (value !== undefined && value !== user[field]) changes[field] = value;
  }
  return changes;
}

/** Persons already known by any of these records' keys, wherever they were first enrolled. */
export async function personIdsByKey(db: DbExecutor, records: ParticipantRecord[]): Promise<Map<string, string>> {
  const nips = records.flatMap((r) => (r.nip ? [r.nip] : []));
  const emails = records.flatMap((r) => (!r.nip && r.email ? [r.email] : []));
  if (nips.length === 0 && emails.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, nip: users.nip, email: users.email })
    .from(users)
    .where(
      or(
        nips.length ? inArray(users.nip, nips) : undefined,
        emails.length ? and(isNull(users.nip), inArray(users.email, emails)) : undefined,
      ),
    );
  return new Map(rows.map((r) => [recordKey({ nip: r.nip ?? undefined, email: r.email ?? undefined }), r.id]));
}

/** Organizations of this server named by code or name (case-insensitive), for a new person's home. */
async function organizationsNamed(db: DbExecutor, names: string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(names.map((n) => n.trim().toLowerCase()))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: organizations.id, code: organizations.code, name: organizations.name })
    .from(organizations)
    .where(or(inArray(sql`lower(${organizations.code})`, wanted), inArray(sql`lower(${organizations.name})`, wanted)));
  const byName = new Map<string, string>();
  for (const r of rows) {
    byName.set(r.code.toLowerCase(), r.id);
    byName.set(r.name.toLowerCase(), r.id);
  }
  return byName;
}

/**
 * Makes the roster records persons who take part in `orgId`'s programs, in a few set-based
 * statements whatever their number. A known person (by NIP, or by email without a NIP) is linked,
 * never duplicated; their profile changes only when `orgId` is their home organization, since
 * another organizer's file is no authority on it. A new person's home is the organization the
 * record's instansi names, if it is on this server, else `orgId`. New persons are `pending` until
 * activated. A record that cannot be applied fails alone.
 */
export async function syncParticipants(
  tx: DbExecutor,
  orgId: string,
  records: ParticipantRecord[],
  now: Date,
): Promise<Map<string, ParticipantOutcome>> {
  const results = new Map<string, ParticipantOutcome>();
  if (records.length === 0) return results;

  const nips = records.flatMap((r) => (r.nip ? [r.nip] : []));
  const emails = records.flatMap((r) => (r.email ? [r.email] : []));
  const known = await tx
    .select()
    .from(users)
    .where(
      or(
        nips.length ? inArray(users.nip, nips) : undefined,
        emails.length ? and(isNotNull(users.email), inArray(users.email, emails)) : undefined,
      ),
    );
  const byNip = new Map(known.filter((u) => u.nip).map((u) => [u.nip!, u]));
  const byEmail = new Map(known.filter((u) => u.email).map((u) => [u.email!, u]));
  const homes = await organizationsNamed(
    tx,
    records.flatMap((r) => (r.instansi ? [r.instansi] : [])),
  );

  const toCreate: Array<typeof users.$inferInsert> = [];
  const toUpdate: Array<{ id: string } & Partial<ParticipantRecord>> = [];
  const emailClaimedBy = new Map<string, string>();

  for (const record of records) {
    const key = recordKey(record);
    const fail = (reason: Message) => results.set(key, { ok: false, reason });
    const person = record.nip ? byNip.get(record.nip) : record.email ? byEmail.get(record.email) : undefined;
    if (!record.nip && person?.nip) {
      fail(msg('roster.emailOfAsn', { email: record.email ?? '' }));
      continue;
    }
    if (person?.platformAdmin) {
      fail(msg('roster.platformAdmin', { who: record.nip ? `NIP ${record.nip}` : `Email ${record.email}` }));
      continue;
    }
    const editable = !person || person.homeOrgId === orgId;
    if (record.email && editable) {
      const owner = byEmail.get(record.email);
      const claimant = emailClaimedBy.get(record.email);
      if ((owner && owner.id !== person?.id) || (claimant && claimant !== key)) {
        fail(msg('roster.emailTaken', { email: record.email ?? '' }));
        continue;
      }
      emailClaimedBy.set(record.email, key);
    }
    if (!person) {
      const { instansi, ...profile } = record;
      toCreate.push({
        ...profile,
        nipKind: record.nip ? nipKindOf(record.nip) : null,
        homeOrgId: (instansi && homes.get(instansi.trim().toLowerCase())) || orgId,
        status: 'pending',
        createdAt: now,
        updatedAt: now,
      });
      continue;
    }
    if (!editable) {
      results.set(key, { ok: true, userId: person.id, outcome: 'linked' });
      continue;
    }
    const changes = changesFor(person, record);
    if (Object.keys(changes).length === 0) {
      results.set(key, { ok: true, userId: person.id, outcome: 'unchanged' });
    } else {
      toUpdate.push({ id: person.id, ...changes });
      results.set(key, { ok: true, userId: person.id, outcome: 'updated' });
    }
  }

  for (let i = 0; i < toCreate.length; i += 1000) {
    const chunk = toCreate.slice(i, i + 1000);
    // A concurrent import may have taken a NIP or email meanwhile: that record fails instead of the batch.
    const created = await tx
      .insert(users)
      .values(chunk)
      .onConflictDoNothing()
      .returning({ id: users.id, nip: users.nip, email: users.email });
    const createdKeys = new Set<string>();
    for (const c of created) {
      const key = recordKey({ nip: c.nip ?? undefined, email: c.email ?? undefined });
      createdKeys.add(key);
      results.set(key, { ok: true, userId: c.id, outcome: 'created' });
    }
    for (const r of chunk) {
      const key = recordKey({ nip: r.nip ?? undefined, email: r.email ?? undefined });
      if (!createdKeys.has(key))
        results.set(key, {
          ok: false,
          reason: msg('roster.takenMeanwhile', { who: r.nip ? `NIP ${r.nip}` : (r.email ?? '') }),
        });
    }
  }

  if (toUpdate.length > 0) {
    // One statement: each changed field is set, the others keep their value.
    await tx.execute(sql`
      update users u set
        name = coalesce(x.name, u.name),
        email = coalesce(x.email, u.email),
        position = coalesce(x.position, u.position),
        unit = coalesce(x.unit, u.unit),
        category = coalesce(x.category, u.category),
        rank = coalesce(x.rank, u.rank),
        birth_place = coalesce(x."birthPlace", u.birth_place),
        birth_date = coalesce(x."birthDate"::date, u.birth_date),
        updated_at = ${now.toISOString()}::timestamptz
      from jsonb_to_recordset(${JSON.stringify(toUpdate)}::jsonb) as x(
        id uuid, name text, email text, position text, unit text, category text, rank text, "birthPlace" text, "birthDate" text
      )
      where u.id = x.id`);
  }

  await addMemberships(
    tx,
    [...results.values()].flatMap((o) => (o.ok ? [{ userId: o.userId, orgId, role: 'participant' as const }] : [])),
    now,
  );
  return results;
}
