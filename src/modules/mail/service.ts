import { and, desc, eq, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Clock } from '../../clock.js';
import type { Config } from '../../config.js';
import type { Db } from '../../db/index.js';
import type { Enqueue } from '../../deps.js';
import { mails, organizations, type OrganizationSettings } from '../../db/schema.js';
import type { Actor } from '../../http/actor.js';
import { NotFoundError } from '../../http/errors.js';
import { decodeCursor, page } from '../../http/pagination.js';
import { inTenant } from '../../http/tenancy.js';
import { localDateOf } from '../cohorts/calendar.js';
import { queueMails } from './outbox.js';
import { renderMail, type MailKind, type MailLang } from './templates.js';
import { localTransport, smtpTransport, type MailTransport, type SendFailure } from './transport.js';

export interface MailSettings {
  from: { name: string | null; address: string };
  maxAttempts: number;
  retryBaseMs: number;
  sendTimeoutMs: number;
  /** Whether an SMTP server is configured: without one, mails are delivered to the local outbox. */
  smtp: boolean;
  publicUrl: string | undefined;
  port: number;
}

type Mail = typeof mails.$inferSelect;

export function mailSettingsOf(config: Readonly<Config>): MailSettings {
  return {
    from: config.mail.from,
    maxAttempts: config.mail.maxAttempts,
    retryBaseMs: config.mail.retryBaseMs,
    sendTimeoutMs: config.mail.sendTimeoutMs,
    smtp: !!config.mail.smtpUrl,
    publicUrl: config.publicUrl,
    port: config.port,
  };
}

/** SMTP when configured, else the local outbox. */
export function transportOf(config: Readonly<Config>): MailTransport {
  return config.mail.smtpUrl ? smtpTransport(config.mail.smtpUrl, config.mail.sendTimeoutMs) : localTransport;
}

interface LateParticipant {
  enrollmentId: string;
  pace: string;
  onlineJp: number;
  requiredJp: number;
  participant: { id: string };
}

export interface MailServiceDeps {
  db: Db;
  clock: Clock;
  settings: MailSettings;
  transport?: MailTransport;
  enqueue?: Enqueue;
  /** Who is behind pace in a cohort now, from the progress module. */
  cohortProgress?: (actor: Actor, cohortId: string) => Promise<{ items: LateParticipant[] }>;
}

// Mails handed to the queue per dispatch round.
const DISPATCH_BATCH = 200;
// Longest wait between two attempts at one mail.
const MAX_BACKOFF_MS = 6 * 3600_000;
// What an admin reading a mail sees instead of a code or token that is not theirs to read.
export const SECRET_MASK = '••••••';

/** Newest first: rows strictly before the cursor in (created_at, id) order. */
function beforeCursor(cursor: string | undefined): SQL | undefined {
  if (!cursor) return undefined;
  const c = decodeCursor(cursor);
  return or(lt(mails.createdAt, c.createdAt), and(eq(mails.createdAt, c.createdAt), lt(mails.id, c.id)));
}

/**
 * The mail outbox. Every mail is a row written in the transaction of what causes it. A dispatcher
 * hands due rows to the queue; a send job claims its row (pending → sending, committed), sends it
 * with a Message-ID derived from the row, and marks it sent. A row is sent again only when the
 * server surely did not take it: it refused for now (4xx) or could not be reached. A worker that
 * stops mid-send leaves the row `sending`; once its lease lapses it becomes `uncertain` and is not
 * sent again on its own (at most once: a duplicate is worse than a reset link asked for again).
 */
export function createMailService({ db, clock, settings, transport, enqueue, cohortProgress }: MailServiceDeps) {
  const baseUrl = (settings.publicUrl ?? `http://localhost:${settings.port}`).replace(/\/$/, '');
  const domain = settings.from.address.split('@')[1] ?? 'localhost';
  const leaseMs = settings.sendTimeoutMs * 4 + 60_000;

  async function senderOf(orgId: string | null) {
    const [org] = orgId
      ? await db
          .select({ name: organizations.name, settings: organizations.settings })
          .from(organizations)
          .where(eq(organizations.id, orgId))
      : [];
    const own = (org?.settings as OrganizationSettings | undefined)?.mailFrom;
    if (own) return own;
    return { name: settings.from.name ?? org?.name ?? 'Pelatihan ASN', address: settings.from.address };
  }

  const messageIdOf = (mail: Pick<Mail, 'id'>) => `<${mail.id}@${domain}>`;

  async function render(mail: Mail, reveal: boolean) {
    const sender = await senderOf(mail.orgId);
    const secret = mail.secret && reveal ? mail.secret : SECRET_MASK;
    return {
      sender,
      ...renderMail(mail.kind as MailKind, mail.lang as MailLang, mail.params, {
        secret,
        baseUrl,
        senderName: sender.name,
      }),
    };
  }

  /** Codes and tokens are readable through the API only where the local outbox is the inbox. */
  const revealToAdmin = (mail: Mail) => mail.transport === 'local' || (!settings.smtp && mail.transport === null);

  function summary(mail: Mail, subject: string) {
    return {
      id: mail.id,
      orgId: mail.orgId,
      userId: mail.userId,
      kind: mail.kind as MailKind,
      lang: mail.lang as MailLang,
      to: { address: mail.toAddress, name: mail.toName },
      subject,
      status: mail.status as 'pending' | 'sending' | 'sent' | 'failed' | 'uncertain',
      transport: mail.transport as 'smtp' | 'local' | null,
      attempts: mail.attempts,
      lastError: mail.lastError,
      messageId: messageIdOf(mail),
      createdAt: mail.createdAt,
      sentAt: mail.sentAt,
      nextAttemptAt: mail.status === 'pending' ? mail.nextAttemptAt : null,
    };
  }

  async function failed(mail: Mail, failure: SendFailure) {
    const now = clock.now();
    if (failure.outcome === 'retry' && mail.attempts < settings.maxAttempts) {
      const delay = Math.min(MAX_BACKOFF_MS, settings.retryBaseMs * 2 ** (mail.attempts - 1));
      await db
        .update(mails)
        .set({
          status: 'pending',
          lastError: failure.error,
          nextAttemptAt: new Date(now.getTime() + delay),
          updatedAt: now,
        })
        .where(eq(mails.id, mail.id));
      return 'retry' as const;
    }
    await db
      .update(mails)
      .set({
        status: failure.outcome === 'unknown' ? 'uncertain' : 'failed',
        lastError: failure.error,
        secret: null,
        updatedAt: now,
      })
      .where(eq(mails.id, mail.id));
    return failure.outcome === 'unknown' ? ('uncertain' as const) : ('failed' as const);
  }

  return {
    queue: queueMails,

    /**
     * Hands due mails to the queue (one job per mail and attempt, so a repeat is ignored), and turns
     * mails whose sender stopped mid-send into `uncertain`. Safe to run anywhere, any time.
     */
    async dispatch(): Promise<number> {
      if (!enqueue) throw new Error('dispatch needs a queue');
      const now = clock.now();
      await db
        .update(mails)
        .set({ status: 'uncertain', secret: null, lastError: 'The sender stopped while sending', updatedAt: now })
        .where(and(eq(mails.status, 'sending'), lt(mails.claimedAt, new Date(now.getTime() - leaseMs))));
      const due = await db
        .select({ id: mails.id, attempts: mails.attempts })
        .from(mails)
        .where(and(eq(mails.status, 'pending'), sql`${mails.nextAttemptAt} <= ${now.toISOString()}::timestamptz`))
        .orderBy(mails.nextAttemptAt)
        .limit(DISPATCH_BATCH);
      for (const m of due) {
        await enqueue('mail', 'send', { mailId: m.id }, { jobId: `mail-${m.id}-${m.attempts}`, attempts: 1 });
      }
      return due.length;
    },

    /** Sends one mail if it is still pending; never throws for a refused or failed send. */
    async send(mailId: string): Promise<'sent' | 'skipped' | 'retry' | 'failed' | 'uncertain'> {
      if (!transport) throw new Error('send needs a transport');
      const now = clock.now();
      // The claim commits before anything leaves: whoever holds it is the only sender.
      const [mail] = await db
        .update(mails)
        .set({ status: 'sending', claimedAt: now, attempts: sql`${mails.attempts} + 1`, updatedAt: now })
        .where(and(eq(mails.id, mailId), eq(mails.status, 'pending')))
        .returning();
      if (!mail) return 'skipped';
      if (transport.kind === 'smtp') {
        const content = await render(mail, true);
        try {
          await transport.send({
            from: content.sender,
            to: { name: mail.toName, address: mail.toAddress },
            subject: content.subject,
            text: content.text,
            html: content.html,
            messageId: messageIdOf(mail),
          });
        } catch (err) {
          return failed(mail, err as SendFailure);
        }
      }
      const sentAt = clock.now();
      await db
        .update(mails)
        .set({
          status: 'sent',
          transport: transport.kind,
          sentAt,
          lastError: null,
          // Once a server took the mail, no one needs the code or token in it any more.
          ...(transport.kind === 'smtp' ? { secret: null } : {}),
          updatedAt: sentAt,
        })
        .where(eq(mails.id, mail.id));
      return 'sent';
    },

    /**
     * One reminder per participant behind pace (or inactive) in an open online phase, at most one
     * per participant and local day of the cohort; organizations may turn them off.
     */
    async remindBehindPace(): Promise<number> {
      if (!cohortProgress) throw new Error('reminders need the progress module');
      const now = clock.now();
      const open = await db.execute<{
        phase_id: string;
        phase_name: string;
        end_date: string;
        cohort_id: string;
        cohort_name: string;
        time_zone: string;
        org_id: string;
      }>(sql`
        select distinct on (c.id) p.id as phase_id, p.name as phase_name, p.end_date::text as end_date,
               c.id as cohort_id, c.name as cohort_name, c.time_zone, c.org_id
          from phases p join cohorts c on c.id = p.cohort_id join organizations o on o.id = c.org_id
         where p.kind = 'online' and p.state = 'open' and not c.past_program and c.status in ('scheduled', 'running')
           and coalesce((o.settings->>'paceReminders')::boolean, true)
         order by c.id, p.position`);
      let written = 0;
      for (const phase of open.rows) {
        const actor: Actor = {
          userId: null,
          role: 'system',
          scope: { kind: 'org', orgId: phase.org_id },
          requestId: null,
        };
        const report = await cohortProgress(actor, phase.cohort_id);
        const late = report.items.filter((r) => r.pace === 'behind' || r.pace === 'inactive');
        if (late.length === 0) continue;
        const day = localDateOf(now, phase.time_zone);
        const at = now.toISOString();
        const list = late.map((r) => ({ user_id: r.participant.id, online_jp: r.onlineJp, required_jp: r.requiredJp }));
        const params = { cohortName: phase.cohort_name, phaseName: phase.phase_name, endDate: phase.end_date };
        const result = await db.execute(sql`
          insert into mails (org_id, user_id, kind, lang, to_address, to_name, params, dedupe_key, next_attempt_at, created_at, updated_at)
          select ${phase.org_id}::uuid, u.id, 'pace_reminder', coalesce(u.locale, 'id'), u.email, u.name,
                 ${JSON.stringify(params)}::jsonb || jsonb_build_object('name', u.name, 'onlineJp', x.online_jp, 'requiredJp', x.required_jp),
                 'pace_reminder:' || u.id::text || ':' || ${day}::text,
                 ${at}::timestamptz, ${at}::timestamptz, ${at}::timestamptz
            from jsonb_to_recordset(${JSON.stringify(list)}::jsonb) as x(user_id uuid, online_jp numeric, required_jp numeric)
            join users u on u.id = x.user_id
           where u.email is not null and u.status = 'active'
          on conflict (dedupe_key) do nothing`);
        written += result.rowCount ?? 0;
      }
      return written;
    },

    async list(
      actor: Actor,
      query: {
        limit: number;
        cursor?: string | undefined;
        kind?: string | undefined;
        status?: string | undefined;
        userId?: string | undefined;
      },
    ) {
      const rows = await db
        .select()
        .from(mails)
        .where(
          and(
            inTenant(mails.orgId, actor.scope),
            query.kind ? eq(mails.kind, query.kind) : undefined,
            query.status ? eq(mails.status, query.status) : undefined,
            query.userId ? eq(mails.userId, query.userId) : undefined,
            beforeCursor(query.cursor),
          ),
        )
        .orderBy(desc(mails.createdAt), desc(mails.id))
        .limit(query.limit + 1);
      const { items, nextCursor } = page(rows, query.limit);
      const subjects = await Promise.all(items.map(async (m) => (await render(m, false)).subject));
      return { items: items.map((m, i) => summary(m, subjects[i]!)), nextCursor };
    },

    async get(actor: Actor, id: string) {
      const [mail] = await db
        .select()
        .from(mails)
        .where(and(eq(mails.id, id), inTenant(mails.orgId, actor.scope)));
      if (!mail) throw new NotFoundError('Mail');
      const content = await render(mail, revealToAdmin(mail));
      return {
        ...summary(mail, content.subject),
        from: content.sender,
        text: content.text,
        html: content.html,
        secretShown: !!mail.secret && revealToAdmin(mail),
      };
    },
  };
}

export type MailService = ReturnType<typeof createMailService>;
