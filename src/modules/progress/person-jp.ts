import { sql } from 'drizzle-orm';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/index.js';
import { jpLedger } from '../../db/schema.js';
import type { Actor } from '../../http/actor.js';
import { NotFoundError, ValidationError } from '../../http/errors.js';
import { recordAudit } from '../audit/record.js';
import { localMidnight } from '../cohorts/calendar.js';
import type { CohortsService } from '../cohorts/service.js';
import type { DirectoryService } from '../identity/directory-service.js';
import { msg } from '../../i18n/index.js';
import { roundJp } from './jp.js';

export interface PersonJpDeps {
  db: Db;
  clock: Clock;
  cohorts: CohortsService;
  directory: DirectoryService;
}

/**
 * A person's JP and training history across every organizer. The 20 JP duty is the person's, so
 * the person and their home organization see everything; any other organizer sees the part that
 * happened in its own programs (and the external trainings it recorded itself), nothing more.
 */
export function createPersonJp({ db, clock, cohorts, directory }: PersonJpDeps) {
  async function personFor(actor: Actor, userId: string) {
    const user = await directory.getUser(actor, userId);
    if (user.platformAdmin) throw new NotFoundError('User');
    const full = directory.isHomeOf(actor, user);
    const onlyOrg = full || actor.scope.kind !== 'org' ? null : actor.scope.orgId;
    return { user, full, onlyOrg };
  }

  return {
    /**
     * A person's JP in a calendar year against their target: every entry whose local date (the day
     * the learning happened, where it happened) falls in that year.
     */
    async annualJp(actor: Actor, userId: string, year: number) {
      const { user, full, onlyOrg } = await personFor(actor, userId);
      const { timeZone, targetJp } = await directory.personYear(user);
      // An enrollment's entries belong to its cohort's organization; others to the one that recorded them.
      const { rows } = await db.execute<{
        id: string;
        enrollment_id: string | null;
        source: string;
        jp: string;
        details: Record<string, unknown>;
        org_id: string | null;
      }>(sql`
        select j.id, j.enrollment_id, j.source, j.jp, j.details, coalesce(c.org_id, j.org_id) as org_id
          from ${jpLedger} j
          left join enrollments e on e.id = j.enrollment_id
          left join cohorts c on c.id = e.cohort_id
         where j.user_id = ${user.id}::uuid
           and j.local_date >= ${`${year}-01-01`}::date and j.local_date <= ${`${year}-12-31`}::date
           ${onlyOrg ? sql`and coalesce(c.org_id, j.org_id) = ${onlyOrg}::uuid` : sql``}
         order by j.local_date, j.id`);
      const ledger = rows.map((r) => ({ ...r, id: Number(r.id), jp: Number(r.jp) }));
      const enrollments = (await cohorts.enrollmentsOfUser(user.id)).filter(
        (e) => !onlyOrg || e.cohort.orgId === onlyOrg,
      );
      const organizers = await directory.organizationNames([...new Set(enrollments.map((e) => e.cohort.orgId))]);
      const programs = enrollments
        .map(({ enrollment, cohort, course }) => ({
          enrollmentId: enrollment.id,
          organizer: organizers.get(cohort.orgId)!,
          cohort: { id: cohort.id, code: cohort.code, name: cohort.name },
          course: { code: course.code, title: course.title },
          jp: roundJp(ledger.filter((r) => r.enrollment_id === enrollment.id).reduce((a, r) => a + r.jp, 0)),
        }))
        .filter((p) => p.jp !== 0);
      const external = ledger
        .filter((r) => r.source === 'external')
        .map((r) => ({
          id: r.id,
          jp: r.jp,
          ...(r.details as { title: string; organizer: string; startDate: string; endDate: string }),
        }));
      const totalJp = roundJp(ledger.reduce((a, r) => a + r.jp, 0));
      return {
        userId: user.id,
        year,
        scope: full ? ('all' as const) : ('own' as const),
        nipKind: user.nipKind,
        timeZone,
        targetJp,
        totalJp,
        remainingJp: roundJp(Math.max(0, targetJp - totalJp)),
        programs,
        external,
        adjustmentsJp: roundJp(
          ledger.filter((r) => r.source === 'adjustment' && !r.enrollment_id).reduce((a, r) => a + r.jp, 0),
        ),
      };
    },

    /**
     * Every program the person took (for the home organization: at every organizer; for another:
     * at that organizer), with its dates, JP, final result and valid certificate number: the
     * training history the national HR system keeps.
     */
    async trainingHistory(actor: Actor, userId: string) {
      const { user, full, onlyOrg } = await personFor(actor, userId);
      const { rows } = await db.execute<{
        enrollment_id: string;
        status: string;
        cohort_id: string;
        cohort_code: string;
        cohort_name: string;
        org_id: string;
        course_version_id: string;
        starts_on: string | null;
        ends_on: string | null;
        jp: string;
        final_score: string | null;
        predikat: string | null;
        certificate_number: string | null;
      }>(sql`
        select e.id as enrollment_id, e.status, c.id as cohort_id, c.code as cohort_code, c.name as cohort_name,
               c.org_id, c.course_version_id, c.starts_on::text, c.ends_on::text,
               (select coalesce(sum(j.jp), 0) from jp_ledger j where j.enrollment_id = e.id) as jp,
               r.final_score, r.predikat,
               (select ct.number from certificates ct
                 where ct.enrollment_id = e.id and ct.revoked_at is null
                 order by ct.issued_at desc limit 1) as certificate_number
          from enrollments e
          join cohorts c on c.id = e.cohort_id
          left join lateral (
            select r.final_score, r.predikat from results r join result_runs rr on rr.id = r.run_id
             where r.enrollment_id = e.id and rr.final order by rr.version desc limit 1
          ) r on true
         where e.user_id = ${user.id}::uuid ${onlyOrg ? sql`and c.org_id = ${onlyOrg}::uuid` : sql``}
         order by c.starts_on nulls last, e.enrolled_at`);
      const [organizers, programs] = await Promise.all([
        directory.organizationNames([...new Set(rows.map((r) => r.org_id))]),
        cohorts.enrollmentsOfUser(user.id),
      ]);
      const courseOf = new Map(programs.map((p) => [p.enrollment.id, p.course]));
      return {
        userId: user.id,
        scope: full ? ('all' as const) : ('own' as const),
        items: rows.map((r) => ({
          enrollmentId: r.enrollment_id,
          organizer: organizers.get(r.org_id)!,
          program: { code: courseOf.get(r.enrollment_id)!.code, title: courseOf.get(r.enrollment_id)!.title },
          cohort: { id: r.cohort_id, code: r.cohort_code, name: r.cohort_name },
          startDate: r.starts_on,
          endDate: r.ends_on,
          status: r.status,
          jp: roundJp(Number(r.jp)),
          result: r.final_score === null ? null : { finalScore: Number(r.final_score), predikat: r.predikat },
          certificateNumber: r.certificate_number,
        })),
      };
    },

    /**
     * A training done elsewhere (a course abroad, a ministry's program): its JP count for the year
     * it ended, in the person's home zone. Recorded under the caller's organization.
     */
    async addExternalTraining(
      actor: Actor,
      userId: string,
      input: {
        title: string;
        organizer: string;
        startDate: string;
        endDate: string;
        jp: number;
        certificateNumber?: string | undefined;
      },
    ) {
      const { user } = await personFor(actor, userId);
      if (input.endDate < input.startDate) {
        throw new ValidationError('The training ends before it starts', [
          { path: 'body.endDate', message: msg('field.notBefore', { date: input.startDate }) },
        ]).with(undefined, 'VALIDATION_FAILED.endsBeforeStart');
      }
      const orgId = actor.scope.kind === 'org' ? actor.scope.orgId : user.homeOrgId;
      const { timeZone } = await directory.personYear(user);
      return db.transaction(async (tx) => {
        const now = clock.now();
        const [row] = await tx
          .insert(jpLedger)
          .values({
            userId: user.id,
            orgId,
            source: 'external',
            jp: input.jp,
            occurredAt: localMidnight(input.endDate, timeZone),
            localDate: input.endDate,
            details: { ...input },
            createdBy: actor.userId,
            createdAt: now,
          })
          .returning();
        await recordAudit(tx, {
          orgId,
          actorId: actor.userId,
          action: 'jp.external_training',
          entityType: 'user',
          entityId: user.id,
          data: { ...input },
          requestId: actor.requestId,
          at: now,
        });
        return { id: row!.id, userId: user.id, ...input };
      });
    },
  };
}
