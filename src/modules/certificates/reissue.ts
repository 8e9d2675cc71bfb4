import { and, eq, isNull } from 'drizzle-orm';
import type { Clock } from '../../clock.js';
import { conflictOnUnique } from '../../db/errors.js';
import type { Db, DbExecutor } from '../../db/index.js';
import { certificates, enrollments, outbox, results, users, type Certificate } from '../../db/schema.js';
import type { Actor } from '../../http/actor.js';
import { ConflictError } from '../../http/errors.js';
import { recordAudit } from '../audit/record.js';
import { localDateOf } from '../cohorts/calendar.js';
import type { CohortsService } from '../cohorts/service.js';
import { attendanceOf, cohortFacts } from './facts.js';
import { fieldsFor, lastSeq, latestRun, numberFor, pdfsFor, signingOf, verificationCode } from './issuing.js';
import type { PdfPool } from './render-pool.js';
import type { SecretBox } from './secrets.js';
import type { GatewaySettings } from './signers.js';

export interface ReissueDeps {
  db: Db;
  clock: Clock;
  cohorts: CohortsService;
  settings: { certificateNumberTemplate: string };
  secrets: SecretBox;
  gateway: GatewaySettings | undefined;
  pool: PdfPool;
  verifyUrl: (code: string) => string;
  certificateOr404: (tx: DbExecutor, actor: Actor, id: string, lock: boolean) => Promise<Certificate>;
}

/**
 * Reissue: a revoked certificate gets a successor for the same enrollment, made from today's
 * person data and the newest final result (a corrected name, a changed predikat). The successor
 * has a new verification code and the cohort's next sequence number through the same template;
 * the old one stays revoked and points to it. The revoked row is locked, and at most one
 * certificate per enrollment is unrevoked (a partial unique index), so concurrent calls yield
 * exactly one valid certificate.
 */
export function createReissue(d: ReissueDeps) {
  return async function reissue(actor: Actor, id: string): Promise<Certificate> {
    return d.db
      .transaction(async (tx) => {
        const old = await d.certificateOr404(tx, actor, id, true);
        if (!old.revokedAt)
          throw new ConflictError(
            'Only a revoked certificate can be reissued: revoke it first',
            'CERTIFICATE_NOT_REVOKED',
          );
        if (old.replacedById)
          throw new ConflictError('This certificate has already been reissued', 'CERTIFICATE_ALREADY_REISSUED');
        const cohort = await d.cohorts.cohortInScope(tx, actor, old.cohortId, true);
        const [valid] = await tx
          .select({ id: certificates.id })
          .from(certificates)
          .where(and(eq(certificates.enrollmentId, old.enrollmentId), isNull(certificates.revokedAt)));
        if (valid)
          throw new ConflictError('This enrollment already has a valid certificate', 'CERTIFICATE_VALID_EXISTS');
        const run = await latestRun(tx, cohort.id);
        const [row] = run?.final
          ? await tx
              .select({ result: results, user: users, status: enrollments.status, profile: enrollments.profile })
              .from(results)
              .innerJoin(enrollments, eq(enrollments.id, results.enrollmentId))
              .innerJoin(users, eq(users.id, enrollments.userId))
              .where(and(eq(results.runId, run.id), eq(results.enrollmentId, old.enrollmentId)))
          : [];
        if (!run || !row || !row.result.passed || row.status !== 'passed')
          throw new ConflictError(
            'The newest final results do not show this participant as passed',
            'ENROLLMENT_NOT_PASSED',
          );
        const facts = await cohortFacts(tx, cohort);
        const now = d.clock.now();
        const issuedOn = localDateOf(now, cohort.timeZone);
        const seq = (await lastSeq(tx, cohort.id)) + 1;
        const number = numberFor(d.settings.certificateNumberTemplate, seq, cohort, facts, issuedOn);
        const code = verificationCode();
        const present = await attendanceOf(tx, [old.enrollmentId]);
        const fields = fieldsFor(
          cohort,
          facts,
          row.user,
          row.profile,
          row.result,
          present.get(old.enrollmentId)!,
          issuedOn,
        );
        const signing = await signingOf(tx, cohort.orgId, d.secrets, d.gateway);
        const [pdf] = await pdfsFor(
          d.pool,
          [{ number, fields, verifyUrl: d.verifyUrl(code), logo: facts.logo }],
          signing,
          {
            name: facts.org.name,
            reason: 'Sertifikat pelatihan',
            location: facts.place ?? facts.org.name,
            signingTime: now,
          },
        );
        const [created] = await tx
          .insert(certificates)
          .values({
            orgId: cohort.orgId,
            cohortId: cohort.id,
            enrollmentId: old.enrollmentId,
            userId: row.user.id,
            resultRunId: run.id,
            seq,
            number,
            code,
            fields,
            pdf: pdf!,
            signature: signing?.kind ?? null,
            issuedAt: now,
            issuedBy: actor.userId,
          })
          .returning();
        await tx.update(certificates).set({ replacedById: created!.id }).where(eq(certificates.id, old.id));
        await tx.insert(outbox).values({
          orgId: cohort.orgId,
          type: 'certificate.reissued',
          payload: { certificateId: created!.id, replaces: old.id, number, enrollmentId: old.enrollmentId },
          createdAt: now,
        });
        await recordAudit(tx, {
          orgId: cohort.orgId,
          actorId: actor.userId,
          action: 'certificate.reissued',
          entityType: 'certificate',
          entityId: created!.id,
          data: { number, replaces: old.number },
          requestId: actor.requestId,
          at: now,
        });
        return created!;
      })
      .catch(
        conflictOnUnique({
          certificates_enrollment_valid_key: () =>
            new ConflictError('This enrollment already has a valid certificate', 'CERTIFICATE_VALID_EXISTS'),
        }),
      );
  };
}
