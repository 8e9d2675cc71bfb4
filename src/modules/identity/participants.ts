import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { DbExecutor } from '../../db/index.js';
import { users, type User } from '../../db/schema.js';

/** A participant as a roster describes them; absent fields leave what the account has. */
export interface ParticipantRecord {
  nip: string;
  name: string;
  email?: string | undefined;
  position?: string | undefined;
  unit?: string | undefined;
  category?: string | undefined;
  rank?: string | undefined;
  birthPlace?: string | undefined;
  birthDate?: string | undefined;
}

export type ParticipantOutcome =
  { ok: true; userId: string; outcome: 'created' | 'updated' | 'unchanged' } | { ok: false; reason: string };

const PROFILE_FIELDS = ['name', 'email', 'position', 'unit', 'category', 'rank', 'birthPlace', 'birthDate'] as const;

function changesFor(user: User, record: ParticipantRecord): Partial<ParticipantRecord> {
  const changes: Partial<ParticipantRecord> = {};
  for (const field of PROFILE_FIELDS) {
    const value = record[field];
    if (value !== undefined && value !== user[field]) changes[field] = value;
  }
  return changes;
}

/**
 * Creates or updates the participant accounts of one organization from roster records, keyed by
 * NIP, in a few set-based statements whatever the number of records. New accounts are `pending`
 * until activated. A NIP or email that belongs to an account elsewhere fails that record only.
 */
export async function syncParticipants(
  tx: DbExecutor,
  orgId: string,
  records: ParticipantRecord[],
  now: Date,
): Promise<Map<string, ParticipantOutcome>> {
  const results = new Map<string, ParticipantOutcome>();
  if (records.length === 0) return results;

  const existing = await tx
    .select()
    .from(users)
    .where(
      inArray(
        users.nip,
        records.map((r) => r.nip),
      ),
    );
  const byNip = new Map(existing.map((u) => [u.nip!, u]));
  const emails = records.map((r) => r.email).filter((e): e is string => !!e);
  const emailOwners = emails.length
    ? await tx
        .select({ id: users.id, email: users.email, nip: users.nip })
        .from(users)
        .where(and(isNotNull(users.email), inArray(users.email, emails)))
    : [];
  const ownerOfEmail = new Map(emailOwners.map((o) => [o.email!, o]));

  const toCreate: Array<typeof users.$inferInsert> = [];
  const toUpdate: Array<{ id: string } & Partial<ParticipantRecord>> = [];
  const emailClaimedBy = new Map<string, string>();

  for (const record of records) {
    const user = byNip.get(record.nip);
    if (user && user.orgId !== orgId) {
      results.set(record.nip, { ok: false, reason: `NIP ${record.nip} belongs to an account of another organization` });
      continue;
    }
    if (user && user.role !== 'participant') {
      results.set(record.nip, {
        ok: false,
        reason: `NIP ${record.nip} belongs to a ${user.role.replace('_', ' ')} account`,
      });
      continue;
    }
    if (record.email) {
      const owner = ownerOfEmail.get(record.email);
      const claimant = emailClaimedBy.get(record.email);
      if ((owner && owner.nip !== record.nip) || (claimant && claimant !== record.nip)) {
        results.set(record.nip, { ok: false, reason: `Email ${record.email} is used by another account` });
        continue;
      }
      emailClaimedBy.set(record.email, record.nip);
    }
    if (!user) {
      toCreate.push({ ...record, orgId, role: 'participant', status: 'pending', createdAt: now, updatedAt: now });
      continue;
    }
    const changes = changesFor(user, record);
    if (Object.keys(changes).length === 0) {
      results.set(record.nip, { ok: true, userId: user.id, outcome: 'unchanged' });
    } else {
      toUpdate.push({ id: user.id, ...changes });
      results.set(record.nip, { ok: true, userId: user.id, outcome: 'updated' });
    }
  }

  for (let i = 0; i < toCreate.length; i += 1000) {
    // A concurrent import may have taken a NIP meanwhile: that record fails instead of the batch.
    const created = await tx
      .insert(users)
      .values(toCreate.slice(i, i + 1000))
      .onConflictDoNothing()
      .returning({ id: users.id, nip: users.nip });
    const createdNips = new Set(created.map((c) => c.nip));
    for (const c of created) results.set(c.nip!, { ok: true, userId: c.id, outcome: 'created' });
    for (const r of toCreate.slice(i, i + 1000)) {
      if (!createdNips.has(r.nip!))
        results.set(r.nip!, { ok: false, reason: `NIP ${r.nip} or its email was taken meanwhile; import again` });
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
  return results;
}

/** The participant accounts of an organization with these NIPs. */
export async function participantIdsByNip(tx: DbExecutor, orgId: string, nips: string[]): Promise<Map<string, string>> {
  if (nips.length === 0) return new Map();
  const rows = await tx
    .select({ id: users.id, nip: users.nip })
    .from(users)
    .where(and(inArray(users.nip, nips), eq(users.orgId, orgId), eq(users.role, 'participant')));
  return new Map(rows.map((r) => [r.nip!, r.id]));
}
