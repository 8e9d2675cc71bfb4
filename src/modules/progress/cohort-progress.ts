import { and, count, inArray, sql, sum } from 'drizzle-orm';
import type { Clock } from '../../clock.js';
import { csvDocument } from '../../csv.js';
import type { Db } from '../../db/index.js';
import { jpLedger, lessonProgress } from '../../db/schema.js';
import type { Actor } from '../../http/actor.js';
import { encodeCursor, page } from '../../http/pagination.js';
import type { CohortsService } from '../cohorts/service.js';
import type { PersonSearch } from '../identity/search.js';
import { paceOf, type Pace } from './pace.js';
import type { CatalogOf } from './catalogs.js';
import * as repo from './repo.js';
import { roundJp } from './jp.js';

export interface CohortProgressDeps {
  db: Db;
  clock: Clock;
  cohorts: CohortsService;
  catalogOf: CatalogOf;
  paceInactiveDays: number;
}

interface ProgressRow {
  enrollmentId: string;
  status: string;
  participant: { id: string; nip: string | null; name: string; category: string | null; unit: string | null };
  onlineJp: number;
  requiredJp: number;
  completedLessons: number;
  requiredLessons: number;
  lastActivityAt: Date | null;
  pace: Pace;
}

/** A cohort's progress: each participant's online JP, lessons done and pace; and the warnings to those behind. */
export function createCohortProgress({ db, clock, cohorts, catalogOf, paceInactiveDays }: CohortProgressDeps) {
  type RosterRow = Awaited<ReturnType<CohortsService['rosterPage']>>['enrollments'][number];
  type RosterPhase = Awaited<ReturnType<CohortsService['rosterPage']>>['phases'][number];

  /** Online JP, required lessons done, last activity and pace of some enrollments of one cohort. */
  async function progressRows(courseVersionId: string, phases: RosterPhase[], enrollments: RosterRow[], now: Date) {
    const catalog = await catalogOf(courseVersionId);
    const required = [...catalog.lessons.values()].filter((l) => l.required).map((l) => l.id);
    const ids = enrollments.map((e) => e.enrollment.id);
    const online = phases.filter((p) => p.kind === 'online');
    const onlineIds = online.map((p) => p.id);
    const [credit, completed, activity] = await Promise.all([
      ids.length && onlineIds.length
        ? db
            .select({ id: jpLedger.enrollmentId, jp: sum(jpLedger.jp).mapWith(Number) })
            .from(jpLedger)
            .where(and(inArray(jpLedger.enrollmentId, ids), inArray(jpLedger.phaseId, onlineIds)))
            .groupBy(jpLedger.enrollmentId)
        : [],
      ids.length && required.length
        ? db
            .select({ id: lessonProgress.enrollmentId, n: count() })
            .from(lessonProgress)
            .where(
              and(
                inArray(lessonProgress.enrollmentId, ids),
                inArray(lessonProgress.lessonId, required),
                sql`${lessonProgress.completedAt} is not null`,
              ),
            )
            .groupBy(lessonProgress.enrollmentId)
        : [],
      repo.lastActivity(db, ids),
    ]);
    const jpBy = new Map(credit.map((c) => [c.id!, c.jp]));
    const doneBy = new Map(completed.map((c) => [c.id, c.n]));
    const requiredJp = online.reduce((a, p) => a + p.requiredJp, 0);
    return enrollments.map(({ enrollment, user }): ProgressRow => {
      const earned = roundJp(jpBy.get(enrollment.id) ?? 0);
      const lastActivityAt = activity.get(enrollment.id) ?? null;

      return {
        enrollmentId: enrollment.id,
        status: enrollment.status,
        participant: { id: user.id, nip: user.nip, name: user.name, category: user.category, unit: user.unit },
        onlineJp: earned,
        requiredJp,
        completedLessons: doneBy.get(enrollment.id) ?? 0,
        requiredLessons: required.length,
        lastActivityAt,
        pace: paceOf({
          earnedJp: earned,
          requiredJp,
          phases: online,
          lastActivityAt,
          now,
          inactiveDays: paceInactiveDays,
          withdrawn: enrollment.status === 'withdrawn',
        }),
      };
    });
  }

  return {
    /**
     * Who is on track, who is behind, who is inactive, against the time elapsed in the online phase.
     * Found by NIP, name, unit and status in the database; pace is worked out here, so with a pace
     * filter the roster is read in batches until the page is full. Without a limit, every match.
     */
    async cohortProgress(
      actor: Actor,
      cohortId: string,
      filter: PersonSearch & {
        pace?: Pace | undefined;
        status?: string | undefined;
        limit?: number | undefined;
        cursor?: string | undefined;
      },
    ) {
      const wanted = filter.limit ?? Number.POSITIVE_INFINITY;
      const batch = Math.max(Number.isFinite(wanted) ? wanted + 1 : 1000, 200);
      const now = clock.now();
      const rows: Array<ProgressRow & { createdAt: Date; id: string }> = [];
      let cursor = filter.cursor;
      let cohortIdFound = cohortId;
      for (;;) {
        const { cohort, phases, enrollments } = await cohorts.rosterPage(actor, cohortId, {
          ...filter,
          limit: batch,
          cursor,
        });
        cohortIdFound = cohort.id;
        const taken = enrollments.slice(0, batch);
        const evaluated = await progressRows(cohort.courseVersionId, phases, taken, now);
        for (const [i, row] of evaluated.entries()) {
          if (filter.pace && row.pace !== filter.pace) continue;
          rows.push({ ...row, createdAt: taken[i]!.enrollment.createdAt, id: taken[i]!.enrollment.id });
        }
        const last = taken[taken.length - 1];
        if (enrollments.length <= batch || rows.length > wanted || !last) break;
        cursor = encodeCursor({ createdAt: last.enrollment.createdAt, id: last.enrollment.id });
      }
      const { items, nextCursor } = Number.isFinite(wanted) ? page(rows, wanted) : { items: rows, nextCursor: null };
      return {
        cohortId: cohortIdFound,
        asOf: now,
        items: items.map(({ createdAt: _c, id: _i, ...row }) => row),
        nextCursor,
      };
    },

    cohortProgressCsv(report: {
      items: Array<{
        participant: { nip: string | null; name: string; category: string | null; unit: string | null };
        status: string;
        onlineJp: number;
        requiredJp: number;
        completedLessons: number;
        requiredLessons: number;
        lastActivityAt: Date | null;
        pace: string;
      }>;
    }) {
      return csvDocument(
        [
          'NIP',
          'Nama',
          'Kategori',
          'Unit Kerja',
          'Status',
          'JP Daring',
          'JP Wajib',
          'Materi Selesai',
          'Materi Wajib',
          'Aktivitas Terakhir',
          'Kecepatan',
        ],
        report.items.map((r) => [
          r.participant.nip ?? '',
          r.participant.name,
          r.participant.category ?? '',
          r.participant.unit ?? '',
          r.status,
          r.onlineJp,
          r.requiredJp,
          r.completedLessons,
          r.requiredLessons,
          r.lastActivityAt?.toISOString() ?? '',
          r.pace,
        ]),
      );
    },

    /**
     * Warns about participants behind pace (or inactive) in online phases that close within the
     * next days: an outbox event each, once per participant per phase, for webhooks to carry.
     */
    async warnBehindPace(daysBeforeClose: number): Promise<number> {
      const now = clock.now();
      const horizon = new Date(now.getTime() + daysBeforeClose * 86_400_000);
      const closing = await db.execute<{ cohort_id: string; phase_id: string; org_id: string }>(sql`
        select p.cohort_id, p.id as phase_id, c.org_id from phases p join cohorts c on c.id = p.cohort_id
         where p.kind = 'online' and p.state <> 'closed'
           and p.opens_at <= ${now.toISOString()}::timestamptz
           and p.closes_at > ${now.toISOString()}::timestamptz and p.closes_at <= ${horizon.toISOString()}::timestamptz`);
      let warned = 0;
      for (const phase of closing.rows) {
        const actor: Actor = {
          userId: null,
          role: 'system',
          scope: { kind: 'org', orgId: phase.org_id },
          requestId: null,
        };
        const report = await this.cohortProgress(actor, phase.cohort_id, {});
        const late = report.items.filter((r) => r.pace === 'behind' || r.pace === 'inactive');
        if (late.length === 0) continue;
        const rows = await db.execute<{ n: number }>(sql`
          with fresh as (
            insert into pace_warnings (enrollment_id, phase_id, warned_at)
            select x.enrollment_id, ${phase.phase_id}::uuid, ${now.toISOString()}::timestamptz
              from jsonb_to_recordset(${JSON.stringify(late.map((r) => ({ enrollment_id: r.enrollmentId })))}::jsonb) as x(enrollment_id uuid)
            on conflict do nothing
            returning enrollment_id
          ),
          events as (
            insert into outbox (org_id, type, payload, created_at)
            select ${phase.org_id}::uuid, 'enrollment.behind_pace',
                   jsonb_build_object('enrollmentId', f.enrollment_id, 'cohortId', ${phase.cohort_id}::uuid, 'phaseId', ${phase.phase_id}::uuid,
                                      'pace', x.pace, 'onlineJp', x.online_jp, 'requiredJp', x.required_jp),
                   ${now.toISOString()}::timestamptz
              from fresh f
              join jsonb_to_recordset(${JSON.stringify(late.map((r) => ({ enrollment_id: r.enrollmentId, pace: r.pace, online_jp: r.onlineJp, required_jp: r.requiredJp })))}::jsonb)
                   as x(enrollment_id uuid, pace text, online_jp numeric, required_jp numeric) on x.enrollment_id = f.enrollment_id
            returning 1
          )
          select count(*)::int as n from events`);
        warned += rows.rows[0]?.n ?? 0;
      }
      return warned;
    },
  };
}
