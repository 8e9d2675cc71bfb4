import { randomBytes } from 'node:crypto';
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Clock } from '../../clock.js';
import type { Db, DbExecutor } from '../../db/index.js';
import type { Enqueue } from '../../deps.js';
import {
  certificates,
  courses,
  enrollments,
  organizations,
  outbox,
  phases,
  resultRuns,
  results,
  users,
  type Certificate,
  type CertificateFields,
  type Cohort,
} from '../../db/schema.js';
import { systemActor, type Actor } from '../../http/actor.js';
import { ConflictError, NotFoundError } from '../../http/errors.js';
import { afterCursor, page } from '../../http/pagination.js';
import { inTenant, ownDataScope } from '../../http/tenancy.js';
import { recordAudit } from '../audit/record.js';
import { localDateOf } from '../cohorts/calendar.js';
import type { CohortsService } from '../cohorts/service.js';
import type { JobsService } from '../jobs/service.js';
import { certificateNumber, renderCertificate } from './document.js';

export interface CertificatesServiceDeps {
  db: Db;
  clock: Clock;
  cohorts: CohortsService;
  jobs: JobsService;
  enqueue: Enqueue;
  settings: { certificateNumberTemplate: string; publicUrl: string | undefined; port: number };
}

export const CERTIFICATE_JOB = 'certificate-issue';
// Certificates are numbered and rendered in batches, each one transaction under the cohort's lock.
const BATCH = 200;
// 20 characters of base32: 100 bits, not guessable, easy to type from paper.
const verificationCode = () => [...randomBytes(20)].map((b) => 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'[b % 32]).join('');

/**
 * Certificates (sertifikat) for everyone who passed: one per enrollment, never two (a unique key,
 * and numbering under the cohort's row lock), issued by a background job with progress. Each keeps
 * the fields it was issued with and its PDF, so it reads the same forever; anyone can verify it by
 * its code, and a revoked one says so.
 */
export function createCertificatesService({ db, clock, cohorts, jobs, enqueue, settings }: CertificatesServiceDeps) {
  const baseUrl = (settings.publicUrl ?? `http://localhost:${settings.port}`).replace(/\/$/, '');
  const verifyUrl = (code: string) => `${baseUrl}/v1/certificates/verify/${code}`;

  async function latestRun(tx: DbExecutor, cohortId: string) {
    const [run] = await tx
      .select()
      .from(resultRuns)
      .where(eq(resultRuns.cohortId, cohortId))
      .orderBy(desc(resultRuns.version))
      .limit(1);
    return run;
  }

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

  /** What every certificate of a cohort shares: instansi, program, dates, venue. */
  async function cohortFacts(tx: DbExecutor, cohort: Cohort) {
    const [org] = await tx.select().from(organizations).where(eq(organizations.id, cohort.orgId));
    const [course] = await tx.select().from(courses).where(eq(courses.id, cohort.courseId));
    const cohortPhases = await tx
      .select()
      .from(phases)
      .where(eq(phases.cohortId, cohort.id))
      .orderBy(asc(phases.position));
    const venue = cohortPhases.find((p) => p.kind !== 'online' && p.venue)?.venue ?? null;
    return { org: org!, course: course!, venue };
  }

  /** Issues up to one batch; returns how many were issued (0: nothing left). */
  async function issueBatch(cohortId: string, issuedBy: string | null): Promise<number> {
    return db.transaction(async (tx) => {
      const cohort = await cohorts.cohortInScope(tx, systemActor, cohortId, true);
      const run = await latestRun(tx, cohort.id);
      if (!run?.final) return 0;
      const pending = await unissued(tx, run.id, BATCH);
      if (pending.length === 0) return 0;
      const { org, course, venue } = await cohortFacts(tx, cohort);
      const [{ last }] = (await tx
        .select({ last: sql<number>`coalesce(max(${certificates.seq}), 0)::int` })
        .from(certificates)
        .where(eq(certificates.cohortId, cohort.id))) as [{ last: number }];
      const now = clock.now();
      const issuedOn = localDateOf(now, cohort.timeZone);
      const rows = [];
      for (const [i, { result, user, enrollmentId, profile }] of pending.entries()) {
        const seq = last + i + 1;
        const number = certificateNumber(settings.certificateNumberTemplate, {
          seq,
          cohortCode: cohort.code,
          orgCode: org.code,
          courseCode: course.code,
          year: Number(issuedOn.slice(0, 4)),
        });
        const code = verificationCode();
        const fields: CertificateFields = {
          name: user.name,
          nip: user.nip,
          birthPlace: user.birthPlace,
          birthDate: user.birthDate,
          // As the organizer recorded them for this training, not as the profile reads today.
          rank: profile.rank ?? user.rank,
          position: profile.position ?? user.position,
          instansi: profile.instansi ?? org.name,
          program: course.title,
          cohortCode: cohort.code,
          cohortName: cohort.name,
          startDate: cohort.startsOn,
          endDate: cohort.endsOn,
          venue,
          predikat: result.predikat,
          finalScore: result.finalScore,
          issuedOn,
        };
        rows.push({
          orgId: cohort.orgId,
          cohortId: cohort.id,
          enrollmentId,
          userId: user.id,
          resultRunId: run.id,
          seq,
          number,
          code,
          fields,
          pdf: await renderCertificate(number, fields, verifyUrl(code)),
          issuedAt: now,
          issuedBy,
        });
      }
      const inserted = await tx
        .insert(certificates)
        .values(rows)
        .onConflictDoNothing({ target: certificates.enrollmentId })
        .returning({ id: certificates.id, enrollmentId: certificates.enrollmentId, number: certificates.number });
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
      pdfUrl: `/v1/certificates/${c.id}.pdf`,
      verifyUrl: verifyUrl(c.code),
    };
  }

  /** A certificate the caller may see: their own, or any in their organization for staff. */
  async function certificateOr404(tx: DbExecutor, actor: Actor, id: string) {
    const [found] = await tx
      .select()
      .from(certificates)
      .where(
        and(
          eq(certificates.id, id),
          inTenant(certificates.orgId, ownDataScope(actor)),
          actor.role === 'participant' ? eq(certificates.userId, actor.userId!) : undefined,
        ),
      );
    if (!found) throw new NotFoundError('Certificate');
    return found;
  }

  return {
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
          );
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
      if (started && queue)
        await enqueue('certificates', 'issue', { jobId: job.id }, { jobId: job.id }).catch(() => undefined);
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

    /** Public: valid or revoked, with name, program, cohort, predikat and date only. */
    async verify(code: string) {
      const [found] = await db
        .select({ fields: certificates.fields, revokedAt: certificates.revokedAt })
        .from(certificates)
        .where(eq(certificates.code, code.toUpperCase()));
      if (!found) throw new NotFoundError('Certificate', 'CERTIFICATE_NOT_FOUND');
      return {
        status: found.revokedAt ? ('revoked' as const) : ('valid' as const),
        name: found.fields.name,
        program: found.fields.program,
        cohort: found.fields.cohortName,
        predikat: found.fields.predikat,
        date: found.fields.issuedOn,
      };
    },

    async revoke(actor: Actor, id: string, reason: string) {
      return db.transaction(async (tx) => {
        const found = await certificateOr404(tx, actor, id);
        if (found.revokedAt) throw new ConflictError('This certificate is already revoked', 'CERTIFICATE_REVOKED');
        const now = clock.now();
        const [updated] = await tx
          .update(certificates)
          .set({ revokedAt: now, revokedBy: actor.userId, revokeReason: reason })
          .where(and(eq(certificates.id, id), isNull(certificates.revokedAt)))
          .returning();
        if (!updated) throw new ConflictError('This certificate is already revoked', 'CERTIFICATE_REVOKED');
        await tx.insert(outbox).values({
          orgId: found.orgId,
          type: 'certificate.revoked',
          payload: { certificateId: id, number: found.number, reason },
          createdAt: now,
        });
        await recordAudit(tx, {
          orgId: found.orgId,
          actorId: actor.userId,
          action: 'certificate.revoked',
          entityType: 'certificate',
          entityId: id,
          data: { number: found.number, reason },
          requestId: actor.requestId,
          at: now,
        });
        return view(updated);
      });
    },
  };
}

export type CertificatesService = ReturnType<typeof createCertificatesService>;
