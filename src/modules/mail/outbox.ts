import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { parameterChunks } from '../../db/chunks.js';
import type { DbExecutor } from '../../db/index.js';
import { invitationCodes, mails, organizations, users, type Cohort, type Phase } from '../../db/schema.js';
import { localDateOf } from '../cohorts/calendar.js';
import { hashActivationCode, newActivationCode } from '../identity/activation.js';
import type { MailKind, MailLang } from './templates.js';

/**
 * Writing mails: always inside the caller's transaction, so a mail exists exactly when what caused
 * it committed. The worker sends what is written here.
 */
export interface MailInput {
  orgId: string | null;
  userId: string | null;
  kind: MailKind;
  lang?: MailLang | undefined;
  toAddress: string;
  toName?: string | null;
  params: Record<string, unknown>;
  /** An activation code or reset token: shown in the mail, forgotten once an SMTP server took it. */
  secret?: string | null;
  /** At most one mail per key; a second with the same key is not written. */
  dedupeKey?: string | null;
}

export async function queueMails(tx: DbExecutor, list: MailInput[], now: Date): Promise<number> {
  const rows = list.map((m) => ({
    orgId: m.orgId,
    userId: m.userId,
    kind: m.kind,
    lang: m.lang ?? 'id',
    toAddress: m.toAddress,
    toName: m.toName ?? null,
    params: m.params,
    secret: m.secret ?? null,
    dedupeKey: m.dedupeKey ?? null,
    nextAttemptAt: now,
    createdAt: now,
    updatedAt: now,
  }));
  let written = 0;
  // A roster of thousands invites thousands: in parts, each within PostgreSQL's parameter limit.
  for (const part of parameterChunks(rows)) {
    const inserted = await tx
      .insert(mails)
      .values(part)
      .onConflictDoNothing({ target: mails.dedupeKey })
      .returning({ id: mails.id });
    written += inserted.length;
  }
  return written;
}

/**
 * Invitations for pending persons with an email: a fresh activation code each (kept hashed, apart
 * from the printed codes), mailed as a link. Persons already active, or without an email, get none.
 */
export async function queueInvitations(
  tx: DbExecutor,
  args: { orgId: string; userIds: string[]; ttlDays: number; cohortName?: string | undefined; lang?: MailLang },
  now: Date,
): Promise<number> {
  if (args.userIds.length === 0) return 0;
  const [org] = await tx
    .select({ name: organizations.name, timeZone: organizations.timeZone })
    .from(organizations)
    .where(eq(organizations.id, args.orgId));
  if (!org) return 0;
  const invited = await tx
    .select({ id: users.id, name: users.name, nip: users.nip, email: users.email, locale: users.locale })
    .from(users)
    .where(
      and(
        sql`${users.id} = any(${sql.param(args.userIds)}::uuid[])`,
        eq(users.status, 'pending'),
        isNotNull(users.email),
      ),
    );
  if (invited.length === 0) return 0;
  const expiresAt = new Date(now.getTime() + args.ttlDays * 86_400_000);
  const codes = invited.map((u) => ({ user: u, code: newActivationCode() }));
  const hashed = codes.map(({ user, code }) => ({
    userId: user.id,
    codeHash: hashActivationCode(code),
    expiresAt,
    createdAt: now,
  }));
  for (const part of parameterChunks(hashed)) await tx.insert(invitationCodes).values(part);
  return queueMails(
    tx,
    codes.map(({ user, code }) => ({
      orgId: args.orgId,
      userId: user.id,
      kind: 'invitation',
      // The person's own language where they chose one; else the organizer's, else Indonesian.
      lang: (user.locale as MailLang | null) ?? args.lang,
      toAddress: user.email!,
      toName: user.name,
      params: {
        name: user.name,
        login: user.nip ?? user.email,
        orgName: org.name,
        cohortName: args.cohortName ?? null,
        expiresOn: localDateOf(expiresAt, org.timeZone),
      },
      secret: code,
    })),
    now,
  );
}

/**
 * "Phase opened" or "phase closed" for every participant of the cohort with an email (not the
 * withdrawn, not disabled accounts), in one statement whatever their number. Once per phase, kind
 * and round: a retried transition writes none again.
 */
export async function queuePhaseNotices(
  tx: DbExecutor,
  cohort: Pick<Cohort, 'id' | 'orgId' | 'name'>,
  phase: Pick<Phase, 'id' | 'name' | 'kind' | 'startDate' | 'endDate' | 'venue' | 'round'>,
  kind: 'phase_opened' | 'phase_closed',
  now: Date,
): Promise<number> {
  const at = now.toISOString();
  const params = {
    cohortName: cohort.name,
    phaseName: phase.name,
    phaseKind: phase.kind,
    startDate: phase.startDate,
    endDate: phase.endDate,
    venue: phase.venue ?? null,
  };
  const result = await tx.execute(sql`
    insert into mails (org_id, user_id, kind, lang, to_address, to_name, params, dedupe_key, next_attempt_at, created_at, updated_at)
    select ${cohort.orgId}::uuid, u.id, ${kind}, coalesce(u.locale, 'id'), u.email, u.name,
           ${JSON.stringify(params)}::jsonb || jsonb_build_object('name', u.name),
           ${`${kind}:${phase.id}:r${phase.round}:`} || u.id::text,
           ${at}::timestamptz, ${at}::timestamptz, ${at}::timestamptz
      from enrollments e join users u on u.id = e.user_id
     where e.cohort_id = ${cohort.id}::uuid and e.status <> 'withdrawn'
       and u.email is not null and u.status <> 'disabled'
    on conflict (dedupe_key) do nothing`);
  return result.rowCount ?? 0;
}

/** "Your certificate is ready" for each newly issued certificate's holder with an email. */
export async function queueCertificateMails(
  tx: DbExecutor,
  cohort: Pick<Cohort, 'orgId' | 'name'>,
  issued: Array<{ id: string; enrollmentId: string; number: string; verifyUrl: string }>,
  now: Date,
): Promise<number> {
  if (issued.length === 0) return 0;
  const at = now.toISOString();
  const list = issued.map((c) => ({
    certificate_id: c.id,
    enrollment_id: c.enrollmentId,
    number: c.number,
    verify_url: c.verifyUrl,
  }));
  const result = await tx.execute(sql`
    insert into mails (org_id, user_id, kind, lang, to_address, to_name, params, dedupe_key, next_attempt_at, created_at, updated_at)
    select ${cohort.orgId}::uuid, u.id, 'certificate_issued', coalesce(u.locale, 'id'), u.email, u.name,
           jsonb_build_object('name', u.name, 'cohortName', ${cohort.name}::text, 'number', x.number, 'verifyUrl', x.verify_url),
           'certificate_issued:' || x.certificate_id::text,
           ${at}::timestamptz, ${at}::timestamptz, ${at}::timestamptz
      from jsonb_to_recordset(${JSON.stringify(list)}::jsonb) as x(certificate_id uuid, enrollment_id uuid, number text, verify_url text)
      join enrollments e on e.id = x.enrollment_id
      join users u on u.id = e.user_id
     where u.email is not null and u.status <> 'disabled'
    on conflict (dedupe_key) do nothing`);
  return result.rowCount ?? 0;
}
