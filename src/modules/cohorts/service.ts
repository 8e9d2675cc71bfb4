import { and, eq } from 'drizzle-orm';
import { stringify } from 'csv-stringify/sync';
import { csvDocument } from '../../csv.js';
import type { Clock } from '../../clock.js';
import { conflictOnUnique } from '../../db/errors.js';
import type { Db, DbExecutor } from '../../db/index.js';
import type { Enqueue } from '../../deps.js';
import { cohorts, enrollments, type phaseExtensions, phases, type Cohort, type Phase } from '../../db/schema.js';
import type { Actor } from '../../http/actor.js';
import { ConflictError, NotFoundError, ValidationError } from '../../http/errors.js';
import { page } from '../../http/pagination.js';
import { owningOrg } from '../../http/tenancy.js';
import { cohortAuditor } from '../audit/record.js';
import type { CurriculumService } from '../curriculum/service.js';
import type { DirectoryService } from '../identity/directory-service.js';
import type { JobsService } from '../jobs/service.js';
import { localDateOf, phaseWindow } from './calendar.js';
import * as repo from './repo.js';
import { createRosterImport } from './roster-import.js';
import { createEnrollmentChanges } from './enrollment-changes.js';
import { createPhasePlan } from './phase-plan.js';
import { parseRoster, type RosterRow } from './roster.js';
import type { z } from 'zod';
import type { enrollmentAttendance } from '../classroom/schemas.js';
import type { enrollmentProgress } from '../progress/schemas.js';
import type { CohortCreate, CohortListQuery, CohortUpdate, EnrollmentCreate } from './schemas.js';
import { render } from '../../i18n/index.js';

export interface CohortsServiceDeps {
  db: Db;
  clock: Clock;
  curriculum: CurriculumService;
  directory: DirectoryService;
  jobs: JobsService;
  enqueue: Enqueue;
  settings: { importSyncMaxRows: number; activationCodeTtlDays: number; remedialDaysDefault: number };
  /** JP and lesson states of an enrollment, from the progress module. */
  progressOf: (userId: string, enrollmentId: string) => Promise<z.infer<typeof enrollmentProgress>>;
  /** Classroom attendance of an enrollment, from the classroom module. */
  attendanceOf: (enrollmentId: string) => Promise<z.infer<typeof enrollmentAttendance>>;
  /** After phases or their time zone changed (and committed): the phase clock plans the transitions. */
  phasesChanged: (cohortId: string) => Promise<void>;
}

function phaseView(p: Phase) {
  return {
    id: p.id,
    position: p.position,
    kind: p.kind,
    name: p.name,
    startDate: p.startDate,
    endDate: p.endDate,
    opensAt: p.opensAt,
    closesAt: p.closesAt,
    requiredJp: p.requiredJp,
    venue: p.venue,
    remedialDays: p.remedialDays,
    state: p.state,
    scheduleVersion: p.scheduleVersion,
    round: p.round,
  };
}

/** The phase that is open (by the clock or by hand): state decides, not dates. */
function currentPhaseId(list: Phase[]): string | null {
  return list.findLast((p) => p.state === 'open')?.id ?? null;
}

export function createCohortsService({
  db,
  clock,
  curriculum,
  directory,
  jobs,
  enqueue,
  settings,
  progressOf,
  attendanceOf,
  phasesChanged,
}: CohortsServiceDeps) {
  const audit = cohortAuditor(clock);

  async function views(tx: DbExecutor, list: Cohort[]) {
    const ids = list.map((c) => c.id);
    // In turn: `tx` may be a transaction, which is one connection.
    const allPhases = await repo.phasesOf(tx, ids);
    const counts = await repo.enrolledCounts(tx, ids);
    const names = await curriculum.describeVersions([...new Set(list.map((c) => c.courseVersionId))]);
    return list.map((c) => {
      const own = allPhases.filter((p) => p.cohortId === c.id);
      const names_ = names.get(c.courseVersionId)!;
      return {
        id: c.id,
        orgId: c.orgId,
        code: c.code,
        name: c.name,
        timeZone: c.timeZone,
        capacity: c.capacity,
        status: c.status,
        pastProgram: c.pastProgram,
        course: names_.course,
        courseVersion: names_.version,
        startsOn: c.startsOn,
        endsOn: c.endsOn,
        enrolled: counts.get(c.id) ?? 0,
        phases: own.map(phaseView),
        currentPhaseId: currentPhaseId(own),
        createdAt: c.createdAt,
        updatedAt: c.updatedAt,
      };
    });
  }

  async function cohortOr404(tx: DbExecutor, actor: Actor, id: string, lock = false): Promise<Cohort> {
    const cohort = lock ? await repo.lockCohort(tx, actor.scope, id) : await repo.findCohort(tx, actor.scope, id);
    if (!cohort || !(await mayRead(tx, actor, cohort.id))) throw new NotFoundError('Cohort');
    return cohort;
  }

  async function enrollmentOr404(tx: DbExecutor, actor: Actor, id: string) {
    const found = await repo.findEnrollment(tx, actor.scope, id);
    if (!found || !(await mayRead(tx, actor, found.cohort.id))) throw new NotFoundError('Enrollment');
    return found;
  }

  /** Instructors see the cohorts they teach; to them the others do not exist. */
  async function mayRead(tx: DbExecutor, actor: Actor, cohortId: string): Promise<boolean> {
    return actor.role !== 'instructor' || (await repo.teaches(tx, actor.userId!, cohortId));
  }

  async function enrollmentView(tx: DbExecutor, found: NonNullable<Awaited<ReturnType<typeof repo.findEnrollment>>>) {
    const extensions = await repo.extensionsOf(tx, [found.enrollment.id]);
    return toEnrollmentView(found, extensions);
  }

  function toEnrollmentView(
    row: { enrollment: typeof enrollments.$inferSelect; user: Record<string, unknown> },
    extensions: Array<typeof phaseExtensions.$inferSelect>,
  ) {
    const e = row.enrollment;
    return {
      id: e.id,
      cohortId: e.cohortId,
      status: e.status,
      enrolledAt: e.enrolledAt,
      withdrawnAt: e.withdrawnAt,
      withdrawReason: e.withdrawReason,
      participant: row.user as never,
      extensions: extensions
        .filter((x) => x.enrollmentId === e.id)
        .map((x) => ({ phaseId: x.phaseId, untilDate: x.untilDate, closesAt: x.closesAt, reason: x.reason })),
    };
  }

  const rosters = createRosterImport({ db, clock, directory, jobs, enqueue, settings, audit, cohortOr404 });
  const changes = createEnrollmentChanges({ db, clock, audit, cohortOr404, enrollmentOr404, enrollmentView });
  const phasePlan = createPhasePlan({
    db,
    clock,
    settings,
    audit,
    cohortOr404,
    cohortViews: views,
    phasesChanged,
  });

  return {
    /** A cohort of the caller's organization by its code (404 otherwise). */
    async cohortByCode(actor: Actor, code: string): Promise<Cohort> {
      const cohort = await repo.findCohortByCode(db, actor.scope, code);
      if (!cohort) throw new NotFoundError('Cohort');
      return cohort;
    },

    /** A cohort the caller may see (404 otherwise), optionally locked: for other modules' writes. */
    cohortInScope: (tx: DbExecutor, actor: Actor, id: string, lock = false) => cohortOr404(tx, actor, id, lock),

    async createCohort(actor: Actor, input: CohortCreate) {
      const orgId = owningOrg(actor.scope, input.orgId);
      const { course, version } = await curriculum.pinnableVersion(actor, input.courseId, input.courseVersion);
      if (course.orgId !== orgId) throw new NotFoundError('Course');
      const timeZone = input.timeZone ?? (await directory.organizationTimeZone(orgId));
      return db
        .transaction(async (tx) => {
          const now = clock.now();
          const [cohort] = await tx
            .insert(cohorts)
            .values({
              orgId,
              courseId: course.id,
              courseVersionId: version.id,
              code: input.code,
              name: input.name,
              timeZone,
              capacity: input.capacity ?? null,
              createdAt: now,
              updatedAt: now,
            })
            .returning();
          await audit(tx, actor, cohort!, 'cohort.created', { code: input.code, courseVersion: version.number });
          return (await views(tx, [cohort!]))[0]!;
        })
        .catch(
          conflictOnUnique({
            cohorts_org_code_key: () =>
              new ConflictError('The organization already has a cohort with this code', 'COHORT_CODE_TAKEN'),
          }),
        );
    },

    async listCohorts(actor: Actor, query: CohortListQuery) {
      const instructorId = actor.role === 'instructor' ? actor.userId! : undefined;
      const result = page(await repo.listCohorts(db, actor.scope, query, instructorId), query.limit);
      return { items: await views(db, result.items), nextCursor: result.nextCursor };
    },

    async getCohort(actor: Actor, id: string) {
      return (await views(db, [await cohortOr404(db, actor, id)]))[0]!;
    },

    async updateCohort(actor: Actor, id: string, input: CohortUpdate) {
      const view = await db.transaction(async (tx) => {
        const cohort = await cohortOr404(tx, actor, id, true);
        const current = await repo.phasesOf(tx, [cohort.id]);
        if (input.timeZone && input.timeZone !== cohort.timeZone) {
          if (current.some((p) => p.state !== 'pending')) {
            throw new ConflictError('The time zone cannot change once a phase has opened', 'PHASE_STARTED').with(
              undefined,
              'PHASE_STARTED.timeZone',
            );
          }
          for (const p of current) {
            const window = phaseWindow(p.startDate, p.endDate, input.timeZone);
            await tx
              .update(phases)
              .set({ ...window, scheduleVersion: p.scheduleVersion + 1, updatedAt: clock.now() })
              .where(eq(phases.id, p.id));
          }
        }
        if (input.capacity !== undefined && input.capacity !== null) {
          const enrolled = (await repo.enrolledCounts(tx, [cohort.id])).get(cohort.id) ?? 0;
          if (input.capacity < enrolled) {
            throw new ConflictError(
              `${enrolled} participants are enrolled; the capacity cannot be lower`,
              'CAPACITY_BELOW_ENROLLED',
            ).with({ enrolled });
          }
        }
        const [updated] = await tx
          .update(cohorts)
          .set({ ...input, updatedAt: clock.now() })
          .where(eq(cohorts.id, cohort.id))
          .returning();
        await audit(tx, actor, cohort, 'cohort.updated', { changes: input });
        return (await views(tx, [updated!]))[0]!;
      });
      if (input.timeZone) await phasesChanged(view.id).catch(() => undefined);
      return view;
    },

    // Replacing the dated phases (phase-plan.ts).
    ...phasePlan,

    // ---- enrollment ----

    async addEnrollment(actor: Actor, cohortId: string, input: EnrollmentCreate) {
      return db.transaction(async (tx) => {
        const cohort = await cohortOr404(tx, actor, cohortId, true);
        const { allowNonAsnParticipants } = await directory.organizationSettings(cohort.orgId);
        let row: RosterRow;
        if ('userId' in input) {
          const user = await directory.getUser(actor, input.userId);
          if (user.platformAdmin || (!user.nip && !allowNonAsnParticipants)) {
            throw new ConflictError(
              allowNonAsnParticipants
                ? 'Platform administrators cannot be enrolled'
                : 'Only people with a NIP can be enrolled (the organization does not admit participants without one)',
              'NOT_A_PARTICIPANT',
            ).with(
              undefined,
              allowNonAsnParticipants ? 'NOT_A_PARTICIPANT.platformAdmin' : 'NOT_A_PARTICIPANT.nipOnly',
            );
          }
          row = user.nip
            ? { line: 1, nip: user.nip, name: user.name }
            : { line: 1, email: user.email!, name: user.name };
        } else {
          const parsed = await parseRoster(Buffer.from(rosterLine(input)), 'csv', {
            allowWithoutNip: allowNonAsnParticipants,
          });
          if (parsed.failed[0])
            throw new ValidationError(
              render('en', parsed.failed[0].reason),
              [{ path: 'nip' in input ? 'body.nip' : 'body.email', message: parsed.failed[0].reason }],
              'INVALID_PARTICIPANT',
            ).with({ reason: parsed.failed[0].reason });
          row = parsed.rows[0]!;
        }
        const result = await rosters.applyRoster(tx, cohort, [row]);
        const refused = result.failed[0]?.reason;
        if (refused)
          throw new ConflictError(
            render('en', refused),
            refused.key === 'roster.cohortFull' ? 'COHORT_FULL' : 'ENROLLMENT_REFUSED',
          ).with(refused.key === 'roster.cohortFull' ? refused.params : { reason: refused });
        if (result.enrolledIds.length === 0)
          throw new ConflictError('The participant is already enrolled in this cohort', 'ALREADY_ENROLLED');
        const [created] = await tx
          .select({ id: enrollments.id })
          .from(enrollments)
          .where(and(eq(enrollments.cohortId, cohort.id), eq(enrollments.userId, result.enrolledIds[0]!)));
        await audit(tx, actor, cohort, 'cohort.enrolled', { enrollmentId: created!.id });
        return enrollmentView(tx, (await repo.findEnrollment(tx, actor.scope, created!.id))!);
      });
    },

    // A participant file, in the request or as a background job (roster-import.ts).
    importRoster: rosters.importRoster,
    runImportJob: rosters.runImportJob,

    async listEnrollments(actor: Actor, cohortId: string, query: repo.EnrollmentListQuery) {
      const cohort = await cohortOr404(db, actor, cohortId);
      const result = page(
        (await repo.listEnrollments(db, cohort.id, query)).map((r) => ({
          ...r,
          createdAt: r.enrollment.createdAt,
          id: r.enrollment.id,
        })),
        query.limit,
      );
      const extensions = await repo.extensionsOf(
        db,
        result.items.map((r) => r.enrollment.id),
      );
      return { items: result.items.map((r) => toEnrollmentView(r, extensions)), nextCursor: result.nextCursor };
    },

    async getEnrollment(actor: Actor, id: string) {
      return enrollmentView(db, await enrollmentOr404(db, actor, id));
    },

    // Withdrawal, a move to another cohort, a personal extension (enrollment-changes.ts).
    ...changes,

    /** A CSV of fresh activation codes for every participant of the cohort still without a password. */
    async activationCodesCsv(actor: Actor, cohortId: string): Promise<string> {
      const cohort = await cohortOr404(db, actor, cohortId);
      const pending = await repo.pendingParticipantsOf(db, cohort.id);
      const issued = await directory.issueActivationCodes(
        actor,
        pending.map((p) => p.userId),
        settings.activationCodeTtlDays,
      );
      return csvDocument(
        ['NIP', 'Nama', 'Email', 'Kode Aktivasi', 'Berlaku Sampai'],
        issued.map((i) => [
          i.user.nip ?? '',
          i.user.name,
          i.user.email ?? '',
          i.code,
          localDateOf(i.expiresAt, cohort.timeZone),
        ]),
      );
    },

    // ---- the participant's own view ----

    async myEnrollments(actor: Actor) {
      const rows = await repo.enrollmentsOfUser(db, actor.userId!);
      return participantViews(db, rows);
    },

    async myEnrollment(actor: Actor, id: string) {
      const rows = (await repo.enrollmentsOfUser(db, actor.userId!)).filter((r) => r.enrollment.id === id);
      if (rows.length === 0) throw new NotFoundError('Enrollment');
      const [view] = await participantViews(db, rows);
      const cohort = rows[0]!.cohort;
      const [modules, progress, attendance] = await Promise.all([
        curriculum.outline(cohort.courseVersionId),
        progressOf(actor.userId!, id),
        attendanceOf(id),
      ]);
      return { ...view!, modules, progress, attendance };
    },

    participantMayRead: (userId: string, versionId: string) => repo.userMayReadVersion(db, userId, versionId),

    /** One page of the roster, found by NIP, name, unit or status, with the cohort and its phases. */
    async rosterPage(actor: Actor, cohortId: string, query: repo.EnrollmentListQuery) {
      const cohort = await cohortOr404(db, actor, cohortId);
      const [cohortPhases, rows] = await Promise.all([
        repo.phasesOf(db, [cohort.id]),
        repo.listEnrollments(db, cohort.id, query),
      ]);
      return { cohort, phases: cohortPhases, enrollments: rows };
    },

    /** For reports: the cohort, its phases and every enrollment with its participant. */
    async roster(actor: Actor, cohortId: string) {
      const cohort = await cohortOr404(db, actor, cohortId);
      const [cohortPhases, rows] = await Promise.all([repo.phasesOf(db, [cohort.id]), repo.rosterOf(db, cohort.id)]);
      return { cohort, phases: cohortPhases, enrollments: rows };
    },

    /** An enrollment the caller may see, with its cohort; for other modules' admin actions. */
    async enrollmentInScope(actor: Actor, id: string) {
      const found = await enrollmentOr404(db, actor, id);
      return { enrollment: found.enrollment, cohort: found.cohort, userId: found.enrollment.userId };
    },

    /** A participant's enrollments with cohort and course names, for their annual JP. */
    async enrollmentsOfUser(userId: string) {
      const rows = await repo.enrollmentsOfUser(db, userId);
      const names = await curriculum.describeVersions([...new Set(rows.map((r) => r.cohort.courseVersionId))]);
      return rows.map((r) => ({
        enrollment: r.enrollment,
        cohort: r.cohort,
        course: names.get(r.cohort.courseVersionId)!.course,
      }));
    },
  };

  async function participantViews(tx: DbExecutor, rows: Awaited<ReturnType<typeof repo.enrollmentsOfUser>>) {
    const cohortIds = rows.map((r) => r.cohort.id);
    const [allPhases, names, extensions, organizers] = await Promise.all([
      repo.phasesOf(tx, cohortIds),
      curriculum.describeVersions([...new Set(rows.map((r) => r.cohort.courseVersionId))]),
      repo.extensionsOf(
        tx,
        rows.map((r) => r.enrollment.id),
      ),
      directory.organizationNames([...new Set(rows.map((r) => r.cohort.orgId))]),
    ]);
    return rows.map(({ enrollment, cohort }) => {
      const own = allPhases.filter((p) => p.cohortId === cohort.id);
      const n = names.get(cohort.courseVersionId)!;
      return {
        id: enrollment.id,
        status: enrollment.status,
        enrolledAt: enrollment.enrolledAt,
        organizer: organizers.get(cohort.orgId)!,
        cohort: {
          id: cohort.id,
          code: cohort.code,
          name: cohort.name,
          timeZone: cohort.timeZone,
          status: cohort.status,
        },
        course: { id: n.course.id, code: n.course.code, title: n.course.title, versionNumber: n.version.number },
        phases: own.map((p) => ({
          ...phaseView(p),
          closesAtForYou:
            extensions.find((x) => x.enrollmentId === enrollment.id && x.phaseId === p.id)?.closesAt ?? p.closesAt,
        })),
        currentPhaseId: currentPhaseId(own),
      };
    });
  }
}

/** One participant as a one-line roster, so a single enrollment passes the same checks as an import. */
function rosterLine(
  p: Partial<
    Record<
      'nip' | 'name' | 'email' | 'position' | 'unit' | 'category' | 'rank' | 'birthPlace' | 'birthDate' | 'instansi',
      string
    >
  >,
): string {
  const columns = [
    'NIP',
    'Nama',
    'Email',
    'Jabatan',
    'Unit Kerja',
    'Kategori',
    'Pangkat/Golongan',
    'Tempat Lahir',
    'Tanggal Lahir',
    'Instansi',
  ];
  const values = [
    p.nip,
    p.name,
    p.email,
    p.position,
    p.unit,
    p.category,
    p.rank,
    p.birthPlace,
    p.birthDate,
    p.instansi,
  ].map((v) => v ?? '');
  return stringify([columns, values]);
}

export type CohortsService = ReturnType<typeof createCohortsService>;
