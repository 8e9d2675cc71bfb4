import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Clock } from '../../clock.js';
import type { Db, DbExecutor } from '../../db/index.js';
import type { Enqueue } from '../../deps.js';
import {
  certificates,
  enrollments,
  outbox,
  results,
  users,
  type Certificate,
  type certificateRevokeCategory,
} from '../../db/schema.js';
import { systemActor, type Actor } from '../../http/actor.js';
import { ConflictError, NotFoundError } from '../../http/errors.js';
import { afterCursor, page } from '../../http/pagination.js';
import { inTenant } from '../../http/tenancy.js';
import { queueCertificateMails } from '../mail/outbox.js';
import { recordAudit } from '../audit/record.js';
import { localDateOf } from '../cohorts/calendar.js';
import type { CohortsService } from '../cohorts/service.js';
import type { JobsService } from '../jobs/service.js';
import { createBadges } from './badges.js';
import { attendanceOf, cohortFacts } from './facts.js';
import { fieldsFor, lastSeq, latestRun, numberFor, pdfsFor, signingOf, verificationCode } from './issuing.js';
import { createReissue } from './reissue.js';
import { inlinePool, type PdfPool } from './render-pool.js';
import type { SecretBox } from './secrets.js';
import type { GatewaySettings } from './signers.js';
import { maskNip } from './verify-page.js';

export interface CertificatesServiceDeps {
  db: Db;
  clock: Clock;
  cohorts: CohortsService;
  jobs: JobsService;
  enqueue: Enqueue;
  settings: { certificateNumberTemplate: string; publicUrl: string | undefined; port: number };
  secrets: SecretBox;
  gateway?: GatewaySettings;
  /** Where PDFs are rendered and signed: worker threads in the running system. */
  pool?: PdfPool;
}

export const CERTIFICATE_JOB = 'certificate-issue';
export type RevokeCategory = (typeof certificateRevokeCategory.enumValues)[number];
// Certificates are numbered and rendered in batches, each one transaction under the cohort's lock.
const BATCH = 200;

/**
 * Certificates (sertifikat) for everyone who passed: one per enrollment, never two (a unique key,
 * and numbering under the cohort's row lock), issued by a background job with progress. Each keeps
 * the fields it was issued with and its PDF, so it reads the same forever; anyone can verify it by
 * its code, and a revoked one says so.
 */
export function createCertificatesService(deps: CertificatesServiceDeps) {
  const { db, clock, cohorts, jobs, enqueue, settings, secrets, gateway, pool = inlinePool } = deps;
  const baseUrl = (settings.publicUrl ?? `http://localhost:${settings.port}`).replace(/\/$/, '');
  const verifyUrl = (code: string) => `${baseUrl}/v1/certificates/verify/${code}`;
  const badges = createBadges({ db, clock, secrets, baseUrl });

  /** Passed enrollments of the newest result run that have no certificate yet. */
  function unissued(tx: DbExecutor, runId: string, limit?: number) {
    const query = tx
      .select({ result: results, user: users, enrollmentId: enrollments.id, profile: enrollments.profile })
      .from(results)
      .innerJoin(enrollments, eq(enrollments.id, results.enrollmentId))
      .innerJoin(users, eq(users.id, enrollments.userId))
      .leftJoin(certificates, eq(certificates.enrollmentId, enrollments.id))
      .where(
        and(
          eq(results.runId, runId),
          eq(results.passed, true),
          eq(enrollments.status, 'passed'),
          isNull(certificates.id),
        ),
      )
      .orderBy(asc(users.name), asc(enrollments.id));
    return limit ? query.limit(limit) : query;
  }

  /** Issues up to one batch; returns how many were issued (0: nothing left). */
  async function issueBatch(cohortId: string, issuedBy: string | null): Promise<number> {
    return db.transaction(async (tx) => {
      const cohort = await cohorts.cohortInScope(tx, systemActor, cohortId, true);
      const run = await latestRun(tx, cohort.id);
      if (!run?.final) return 0;
      const pending = await unissued(tx, run.id, BATCH);
      if (pending.length === 0) return 0;
      const facts = await cohortFacts(tx, cohort);
      const last = await lastSeq(tx, cohort.id);
      const now = clock.now();
      const issuedOn = localDateOf(now, cohort.timeZone);
      const present = await attendanceOf(
        tx,
        pending.map((p) => p.enrollmentId),
      );
      const drafts = pending.map(({ result, user, enrollmentId, profile }, i) => {
        const seq = last + i + 1;
        const code = verificationCode();
        return {
          seq,
          code,
          enrollmentId,
          userId: user.id,
          number: numberFor(settings.certificateNumberTemplate, seq, cohort, facts, issuedOn),
          fields: fieldsFor(cohort, facts, user, profile, result, present.get(enrollmentId)!, issuedOn),
        };
      });
      const signing = await signingOf(tx, cohort.orgId, secrets, gateway);
      const pdfs = await pdfsFor(
        pool,
        drafts.map((d) => ({ number: d.number, fields: d.fields, verifyUrl: verifyUrl(d.code), logo: facts.logo })),
        signing,
        {
          name: facts.org.name,
          reason: 'Sertifikat pelatihan',
          location: facts.place ?? facts.org.name,
          signingTime: now,
        },
      );
      const rows = drafts.map((d, i) => ({
        ...d,
        orgId: cohort.orgId,
        cohortId: cohort.id,
        resultRunId: run.id,
        pdf: pdfs[i]!,
        signature: signing?.kind ?? null,
        issuedAt: now,
        issuedBy,
      }));
      const inserted = await tx
        .insert(certificates)
        .values(rows)
        .onConflictDoNothing({ target: certificates.enrollmentId, where: sql`${certificates.revokedAt} is null` })
        .returning({
          id: certificates.id,
          enrollmentId: certificates.enrollmentId,
          number: certificates.number,
          code: certificates.code,
        });
      await queueCertificateMails(
        tx,
        cohort,
        inserted.map((c) => ({
          id: c.id,
          enrollmentId: c.enrollmentId,
          number: c.number,
          verifyUrl: verifyUrl(c.code),
        })),
        now,
      );
      if (inserted.length > 0)
        await tx.insert(outbox).values(
          inserted.map((c) => ({
            orgId: cohort.orgId,
            type: 'certificate.issued',
            payload: { certificateId: c.id, enrollmentId: c.enrollmentId, number: c.number, cohortId: cohort.id },
            createdAt: now,
          })),
        );
      return inserted.length;
    });
  }

  const listColumns = {
    id: certificates.id,
    number: certificates.number,
    code: certificates.code,
    enrollmentId: certificates.enrollmentId,
    cohortId: certificates.cohortId,
    fields: certificates.fields,
    issuedAt: certificates.issuedAt,
    revokedAt: certificates.revokedAt,
    revokeReason: certificates.revokeReason,
    revokeCategory: certificates.revokeCategory,
    replacedById: certificates.replacedById,
    signature: certificates.signature,
  };

  function view(c: Pick<Certificate, keyof typeof listColumns>) {
    return {
      id: c.id,
      number: c.number,
      code: c.code,
      enrollmentId: c.enrollmentId,
      cohortId: c.cohortId,
      fields: c.fields,
      issuedAt: c.issuedAt,
      revokedAt: c.revokedAt,
      revokeReason: c.revokeReason,
      revokeCategory: c.revokeCategory,
      replacedById: c.replacedById,
      signed: c.signature !== null,
      pdfUrl: `/v1/certificates/${c.id}.pdf`,
      badgeUrl: `/v1/certificates/${c.id}/badge`,
      verifyUrl: verifyUrl(c.code),
    };
  }

  /** A certificate the caller may see: their own, or any in their organization for staff. */
  async function certificateOr404(tx: DbExecutor, actor: Actor, id: string, lock = false) {
    const query = tx
      .select()
      .from(certificates)
      .where(
        and(
          eq(certificates.id, id),
          inTenant(certificates.orgId, actor.scope),
          actor.role === 'participant' ? eq(certificates.userId, actor.userId!) : undefined,
        ),
      );
    const [found] = lock ? await query.for('update') : await query;
    if (!found) throw new NotFoundError('Certificate');
    return found;
  }

  const reissue = createReissue({
    db,
    clock,
    cohorts,
    settings,
    secrets,
    gateway,
    pool,
    verifyUrl,
    certificateOr404,
  });

  return {
    verifyUrl,

    /** The certificate as an Open Badges 3.0 credential (VC-JWT), for its holder or staff. */
    async badge(actor: Actor, id: string) {
      const found = await certificateOr404(db, actor, id);
      return { jwt: await badges.badgeOf(found, verifyUrl(found.code)), number: found.number };
    },
    jwks: () => badges.jwks(),
    statusList: (orgId: string) => badges.statusList(orgId),
    issuerProfile: (orgId: string) => badges.issuerProfile(orgId),

    /** A revoked certificate's successor (see reissue.ts for the rule); 201 with it. */
    async reissue(actor: Actor, id: string) {
      return view(await reissue(actor, id));
    },

    /**
     * Starts issuing a cohort's certificates (202 with the job). While a job for the cohort is still
     * queued or running, that job is answered instead of a second one (`started: false`).
     */
    async issue(actor: Actor, cohortId: string, { queue = true }: { queue?: boolean } = {}) {
      const { job, started } = await db.transaction(async (tx) => {
        const cohort = await cohorts.cohortInScope(tx, actor, cohortId, true);
        const run = await latestRun(tx, cohort.id);
        if (!run)
          throw new ConflictError(
            'Results have not been computed: POST /v1/cohorts/{id}/results first',
            'RESULTS_NOT_COMPUTED',
          );
        if (!run.final)
          throw new ConflictError(
            `The newest results (version ${run.version}) were computed while a phase was still to run: compute them again after the last phase has closed`,
            'RESULTS_NOT_FINAL',
          ).with({ version: run.version });
        const running = await jobs.unfinishedFor(tx, CERTIFICATE_JOB, cohort.id);
        if (running) return { job: running, started: false };
        const [{ n }] = (await tx
          .select({ n: sql<number>`count(*)::int` })
          .from(unissued(tx, run.id).as('pending'))) as [{ n: number }];
        const created = await jobs.create(
          {
            orgId: cohort.orgId,
            kind: CERTIFICATE_JOB,
            params: { cohortId: cohort.id, actorId: actor.userId },
            total: n,
            createdBy: actor.userId,
          },
          tx,
        );
        return { job: created, started: true };
      });
      // Committed first; should the queue be unreachable now, the worker finds the job at its start.
      // The CLI runs the job itself (`queue: false`) to show its progress.
      // A batch already under way is queued again too: should the queue have lost it, asking again
      // revives it, and where the queue still has it the fixed job id makes this a no-op.
      if (queue) await enqueue('certificates', 'issue', { jobId: job.id }, { jobId: job.id }).catch(() => undefined);
      return { job, started };
    },

    async runIssueJob(jobId: string): Promise<void> {
      const job = await jobs.claim(jobId);
      if (!job) return;
      const { cohortId, actorId } = job.params as { cohortId: string; actorId: string | null };
      try {
        let issued = 0;
        for (let n = await issueBatch(cohortId, actorId); n > 0; n = await issueBatch(cohortId, actorId)) {
          issued += n;
          await jobs.progress(jobId, issued);
        }
        await jobs.finish(jobId, { issued });
      } catch (error) {
        await jobs.fail(jobId, error instanceof Error ? error.message : String(error));
        throw error;
      }
    },

    async listOfCohort(actor: Actor, cohortId: string, q: { limit: number; cursor?: string }) {
      const cohort = await cohorts.cohortInScope(db, actor, cohortId);
      const rows = await db
        .select(listColumns)
        .from(certificates)
        .where(and(eq(certificates.cohortId, cohort.id), afterCursor(certificates.issuedAt, certificates.id, q.cursor)))
        .orderBy(asc(certificates.issuedAt), asc(certificates.id))
        .limit(q.limit + 1);
      const { items, nextCursor } = page(
        rows.map((r) => ({ ...r, createdAt: r.issuedAt })),
        q.limit,
      );
      return { items: items.map(view), nextCursor };
    },

    async mine(actor: Actor) {
      const rows = await db
        .select(listColumns)
        .from(certificates)
        .where(eq(certificates.userId, actor.userId!))
        .orderBy(desc(certificates.issuedAt));
      return rows.map(view);
    },

    async pdf(actor: Actor, id: string) {
      const found = await certificateOr404(db, actor, id);
      return { pdf: found.pdf, number: found.number };
    },

    /**
     * Public: valid, revoked or replaced, with what the paper shows (name, partly masked NIP,
     * program, organizer, dates, JP, predikat, number, issue date, signatories) and nothing more.
     */
    async verify(code: string) {
      const [found] = await db.select().from(certificates).where(eq(certificates.code, code.toUpperCase()));
      if (!found) throw new NotFoundError('Certificate', 'CERTIFICATE_NOT_FOUND');
      const replacement = found.replacedById
        ? (
            await db
              .select({ code: certificates.code })
              .from(certificates)
              .where(eq(certificates.id, found.replacedById))
          )[0]
        : undefined;
      const f = found.fields;
      return {
        status: found.revokedAt ? (replacement ? ('replaced' as const) : ('revoked' as const)) : ('valid' as const),
        number: found.number,
        name: f.name,
        nip: maskNip(f.nip),
        program: f.program,
        organizer: f.instansi,
        cohort: f.cohortName,
        startDate: f.startDate,
        endDate: f.endDate,
        totalJp: f.totalJp ?? null,
        predikat: f.predikat,
        date: f.issuedOn,
        signatories: (f.signatories ?? []).map((s) => ({ position: s.position, name: s.name })),
        signed: found.signature !== null,
        revokedAt: found.revokedAt,
        revokeCategory: found.revokedAt ? (found.revokeCategory ?? 'other') : null,
        replacedBy: replacement ? { code: replacement.code, verifyUrl: verifyUrl(replacement.code) } : null,
      };
    },

    async revoke(actor: Actor, id: string, reason: string, category: RevokeCategory = 'other') {
      return db.transaction(async (tx) => {
        const found = await certificateOr404(tx, actor, id);
        if (found.revokedAt) throw new ConflictError('This certificate is already revoked', 'CERTIFICATE_REVOKED');
        const now = clock.now();
        const [updated] = await tx
          .update(certificates)
          .set({ revokedAt: now, revokedBy: actor.userId, revokeReason: reason, revokeCategory: category })
          .where(and(eq(certificates.id, id), isNull(certificates.revokedAt)))
          .returning();
        if (!updated) throw new ConflictError('This certificate is already revoked', 'CERTIFICATE_REVOKED');
        await tx.insert(outbox).values({
          orgId: found.orgId,
          type: 'certificate.revoked',
          payload: { certificateId: id, number: found.number, reason, category },
          createdAt: now,
        });
        await recordAudit(tx, {
          orgId: found.orgId,
          actorId: actor.userId,
          action: 'certificate.revoked',
          entityType: 'certificate',
          entityId: id,
          data: { number: found.number, reason, category },
          requestId: actor.requestId,
          at: now,
        });
        return view(updated);
      });
    },
  };
}

export type CertificatesService = ReturnType<typeof createCertificatesService>;
