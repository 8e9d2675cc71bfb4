import { and, eq } from 'drizzle-orm';
import type { Clock } from '../../clock.js';
import type { Db, DbExecutor } from '../../db/index.js';
import { enrollments, phaseExtensions, phases, type Cohort } from '../../db/schema.js';
import type { Actor } from '../../http/actor.js';
import { ConflictError, NotFoundError, ValidationError } from '../../http/errors.js';
import { msg } from '../../i18n/index.js';
import type { cohortAuditor } from '../audit/record.js';
import { phaseWindow } from './calendar.js';
import * as repo from './repo.js';

type FoundEnrollment = NonNullable<Awaited<ReturnType<typeof repo.findEnrollment>>>;

export interface EnrollmentChangesDeps<View> {
  db: Db;
  clock: Clock;
  audit: ReturnType<typeof cohortAuditor>;
  /** The cohort the caller may see (404 otherwise), optionally locked. */
  cohortOr404: (tx: DbExecutor, actor: Actor, id: string, lock?: boolean) => Promise<Cohort>;
  /** The enrollment the caller may see, with its cohort and person (404 otherwise). */
  enrollmentOr404: (tx: DbExecutor, actor: Actor, id: string) => Promise<FoundEnrollment>;
  enrollmentView: (tx: DbExecutor, found: FoundEnrollment) => Promise<View>;
}

/** What happens to one enrollment after it was made: withdrawal, a move to another cohort, a personal extension. */
export function createEnrollmentChanges<View>({
  db,
  clock,
  audit,
  cohortOr404,
  enrollmentOr404,
  enrollmentView,
}: EnrollmentChangesDeps<View>) {
  return {
    async withdraw(actor: Actor, id: string, reason: string) {
      return db.transaction(async (tx) => {
        const found = await enrollmentOr404(tx, actor, id);
        if (found.enrollment.status === 'withdrawn')
          throw new ConflictError('The enrollment is already withdrawn', 'ALREADY_WITHDRAWN');
        const now = clock.now();
        await tx
          .update(enrollments)
          .set({ status: 'withdrawn', withdrawnAt: now, withdrawReason: reason, updatedAt: now })
          .where(eq(enrollments.id, id));
        await audit(tx, actor, found.cohort, 'enrollment.withdrawn', { enrollmentId: id, reason });
        return enrollmentView(tx, (await repo.findEnrollment(tx, actor.scope, id))!);
      });
    },

    /** Moves an enrollment, with everything earned under it, to another cohort of the same course version. */
    async move(actor: Actor, id: string, targetCohortId: string, reason: string) {
      return db.transaction(async (tx) => {
        const found = await enrollmentOr404(tx, actor, id);
        if (found.enrollment.status === 'withdrawn')
          throw new ConflictError('A withdrawn enrollment cannot move', 'ALREADY_WITHDRAWN').with(
            undefined,
            'ALREADY_WITHDRAWN.move',
          );
        const target = await cohortOr404(tx, actor, targetCohortId, true);
        if (target.id === found.cohort.id)
          throw new ConflictError('The enrollment is already in this cohort', 'ALREADY_ENROLLED').with(
            undefined,
            'ALREADY_ENROLLED.same',
          );
        if (target.courseVersionId !== found.cohort.courseVersionId) {
          throw new ConflictError(
            'The target cohort follows another course version; earned progress would not carry over',
            'COURSE_VERSION_MISMATCH',
          );
        }
        if (target.status === 'completed' || target.status === 'cancelled') {
          throw new ConflictError(`The target cohort is ${target.status}`, 'COHORT_CLOSED').with(
            { status: msg(`cohortStatus.${target.status}`) },
            'COHORT_CLOSED.target',
          );
        }
        const enrolled = (await repo.enrolledCounts(tx, [target.id])).get(target.id) ?? 0;
        if (target.capacity !== null && enrolled >= target.capacity)
          throw new ConflictError(`The target cohort is full (capacity ${target.capacity})`, 'COHORT_FULL').with(
            { capacity: target.capacity ?? 0 },
            'COHORT_FULL.target',
          );
        if ((await repo.enrollmentsOfUsers(tx, target.id, [found.enrollment.userId])).length > 0) {
          throw new ConflictError('The participant is already enrolled in the target cohort', 'ALREADY_ENROLLED').with(
            undefined,
            'ALREADY_ENROLLED.target',
          );
        }
        // Extensions belong to the old cohort's phases.
        await tx.delete(phaseExtensions).where(eq(phaseExtensions.enrollmentId, id));
        await tx.update(enrollments).set({ cohortId: target.id, updatedAt: clock.now() }).where(eq(enrollments.id, id));
        await audit(tx, actor, found.cohort, 'enrollment.moved', { enrollmentId: id, to: target.id, reason });
        return enrollmentView(tx, (await repo.findEnrollment(tx, actor.scope, id))!);
      });
    },

    /** A later end of one online phase for one participant: credit counts until the end of `untilDate`. */
    async setExtension(actor: Actor, id: string, phaseId: string, untilDate: string, reason: string) {
      return db.transaction(async (tx) => {
        const found = await enrollmentOr404(tx, actor, id);
        const [phase] = await tx
          .select()
          .from(phases)
          .where(and(eq(phases.id, phaseId), eq(phases.cohortId, found.cohort.id)));
        if (!phase) throw new NotFoundError('Phase');
        if (phase.kind !== 'online')
          throw new ConflictError('Only an online phase can be extended for one participant', 'NOT_AN_ONLINE_PHASE');
        if (untilDate <= phase.endDate) {
          throw new ValidationError(`The extension must end after the phase (${phase.endDate})`, [
            { path: 'body.untilDate', message: msg('field.laterThan', { date: phase.endDate }) },
          ]).with({ endDate: phase.endDate }, 'VALIDATION_FAILED.extension');
        }
        const { closesAt } = phaseWindow(untilDate, untilDate, found.cohort.timeZone);
        await tx
          .insert(phaseExtensions)
          .values({
            enrollmentId: id,
            phaseId,
            untilDate,
            closesAt,
            reason,
            grantedBy: actor.userId,
            createdAt: clock.now(),
          })
          .onConflictDoUpdate({
            target: [phaseExtensions.enrollmentId, phaseExtensions.phaseId],
            set: { untilDate, closesAt, reason, grantedBy: actor.userId },
          });
        await audit(tx, actor, found.cohort, 'enrollment.extended', { enrollmentId: id, phaseId, untilDate, reason });
        return enrollmentView(tx, found);
      });
    },

    async removeExtension(actor: Actor, id: string, phaseId: string): Promise<void> {
      await db.transaction(async (tx) => {
        const found = await enrollmentOr404(tx, actor, id);
        await tx
          .delete(phaseExtensions)
          .where(and(eq(phaseExtensions.enrollmentId, id), eq(phaseExtensions.phaseId, phaseId)));
        await audit(tx, actor, found.cohort, 'enrollment.extension_removed', { enrollmentId: id, phaseId });
      });
    },
  };
}
