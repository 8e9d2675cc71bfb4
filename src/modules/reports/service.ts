import { PassThrough, Readable } from 'node:stream';
import { csvStream } from '../../csv.js';
import { desc, eq, sql } from 'drizzle-orm';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/index.js';
import { assessmentSchemes, phases, resultRuns, type AssessmentComponent, type Cohort } from '../../db/schema.js';
import type { Actor } from '../../http/actor.js';
import { DEFAULT_LANG, translate, type Lang, type MessageKey } from '../../i18n/index.js';
import type { CohortsService } from '../cohorts/service.js';
import type { AbsenceRule } from '../../db/schema.js';
import { absenceSummaries } from '../classroom/attendance.js';
import { recapColumns, writeRecapXlsx, type RecapColumns, type RecapHeading } from './recap-sheet.js';

export interface ReportsServiceDeps {
  db: Db;
  clock: Clock;
  cohorts: CohortsService;
  absenceRuleOf: (cohortId: string) => Promise<AbsenceRule>;
}

export type ReportFormat = 'json' | 'csv' | 'xlsx';

export interface ReportRow {
  enrollmentId: string;
  nip: string | null;
  name: string;
  /** Jabatan and pangkat/golongan as the organizer knew them for this training (the enrollment's profile). */
  position: string | null;
  rank: string | null;
  category: string | null;
  unit: string | null;
  status: 'active' | 'remedial' | 'passed' | 'failed' | 'withdrawn';
  /** The status in the reader's language (Lulus, Tidak Lulus, Mengundurkan Diri, …). */
  statusText: string;
  onlineJp: number;
  classroomJp: number;
  /** JP of field sessions (aktualisasi, habituasi), apart from the classroom's. */
  fieldJp: number;
  attendance: { present: number; late: number; excused: number; absent: number; absentJp: number; absentDays: number };
  scores: Record<string, number | null>;
  finalScore: number | null;
  predikat: string | null;
  passed: boolean | null;
  reasons: string[];
  /** The fail reasons in the reader's language. */
  reasonTexts: string[];
  certificateNumber: string | null;
}

// Rows are read in pages of this size and written out as they come: memory stays flat for any cohort.
const PAGE = 1000;
const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * The recap an agency files for a cohort: one row per participant (JP online and in class,
 * attendance, each score, final score, predikat, status, certificate number) and a summary by
 * status, category and predikat. Streamed as JSON, CSV or XLSX.
 */
export function createReportsService({ db, clock, cohorts, absenceRuleOf }: ReportsServiceDeps) {
  async function context(cohort: Cohort) {
    const [[scheme], [run], cohortPhases, rule] = await Promise.all([
      db.select().from(assessmentSchemes).where(eq(assessmentSchemes.cohortId, cohort.id)),
      db.select().from(resultRuns).where(eq(resultRuns.cohortId, cohort.id)).orderBy(desc(resultRuns.version)).limit(1),
      db.select().from(phases).where(eq(phases.cohortId, cohort.id)),
      absenceRuleOf(cohort.id),
    ]);
    return {
      components: (scheme?.components ?? []) as AssessmentComponent[],
      run,
      onlinePhaseIds: cohortPhases.filter((p) => p.kind === 'online').map((p) => p.id),
      rule,
    };
  }

  /** The heading of the recap: who organized which program, when, for how many JP. */
  async function heading(cohort: Cohort): Promise<RecapHeading> {
    const { rows } = await db.execute<{
      organizer: string;
      program: string;
      start_date: string | null;
      end_date: string | null;
      jp: string | number | null;
    }>(sql`
      select o.name as organizer, c.title as program,
             (select min(p.start_date)::text from phases p where p.cohort_id = co.id) as start_date,
             (select max(p.end_date)::text from phases p where p.cohort_id = co.id) as end_date,
             (select sum(p.required_jp) from phases p where p.cohort_id = co.id) as jp
        from cohorts co
        join organizations o on o.id = co.org_id
        join course_versions v on v.id = co.course_version_id
        join courses c on c.id = v.course_id
       where co.id = ${cohort.id}::uuid`);
    const row = rows[0]!;
    return {
      organizer: row.organizer,
      program: row.program,
      cohortCode: cohort.code,
      cohortName: cohort.name,
      startDate: row.start_date,
      endDate: row.end_date,
      jp: round(Number(row.jp ?? 0)),
      generatedAt: clock.now(),
      timeZone: cohort.timeZone,
    };
  }

  async function summary(cohort: Cohort, runId: string | undefined, lang: Lang) {
    const result = await db.execute<{ kind: string; key: string | null; n: number }>(sql`
      select 'status' as kind, e.status::text as key, count(*)::int as n
        from enrollments e where e.cohort_id = ${cohort.id}::uuid group by e.status
      union all
      select 'category', u.category, count(*)::int
        from enrollments e join users u on u.id = e.user_id
       where e.cohort_id = ${cohort.id}::uuid and e.status <> 'withdrawn' group by u.category
      union all
      select 'predikat', r.predikat, count(*)::int
        from results r where r.run_id = ${runId ?? null}::uuid group by r.predikat
      union all
      select 'certificates', null, count(*)::int
        from certificates c where c.cohort_id = ${cohort.id}::uuid and c.revoked_at is null`);
    const group = (kind: string) =>
      Object.fromEntries(
        result.rows
          .filter((r) => r.kind === kind)
          .map((r) => [r.key ?? translate(lang, 'report.noCategory'), r.n] as const),
      );
    const byStatus = group('status');
    return {
      participants: Object.values(byStatus).reduce((a, b) => a + b, 0),
      byStatus,
      byCategory: group('category'),
      byPredikat: group('predikat'),
      certificatesIssued: result.rows.find((r) => r.kind === 'certificates')?.n ?? 0,
    };
  }

  async function* rows(
    cohort: Cohort,
    ctx: Awaited<ReturnType<typeof context>>,
    lang: Lang,
  ): AsyncGenerator<ReportRow> {
    let after: { name: string; id: string } | null = null;
    for (;;) {
      const page: Array<Record<string, unknown>> = (
        await db.execute(sql`
        with page as (
          -- The page's participants first; everything else is looked up for these rows only.
          select e.id, e.status::text as status, u.nip, u.name,
                 coalesce(e.profile->>'position', u.position) as position, coalesce(e.profile->>'rank', u.rank) as rank,
                 coalesce(e.profile->>'category', u.category) as category, coalesce(e.profile->>'unit', u.unit) as unit
            from enrollments e join users u on u.id = e.user_id
           where e.cohort_id = ${cohort.id}::uuid
             ${after ? sql`and (u.name, e.id) > (${after.name}, ${after.id}::uuid)` : sql``}
           order by u.name, e.id
           limit ${PAGE}
        )
        select p.*,
               coalesce((select sum(j.jp) from jp_ledger j
                          where j.enrollment_id = p.id and j.phase_id = any(${sql.param(ctx.onlinePhaseIds)}::uuid[])), 0) as online_jp,
               coalesce((select sum(j.jp) from jp_ledger j join phases ph on ph.id = j.phase_id
                          where j.enrollment_id = p.id and j.source = 'session' and ph.kind = 'classroom'), 0) as classroom_jp,
               coalesce((select sum(j.jp) from jp_ledger j join phases ph on ph.id = j.phase_id
                          where j.enrollment_id = p.id and j.source = 'session' and ph.kind = 'field'), 0) as field_jp,
               coalesce(a.present, 0)::int as present, coalesce(a.late, 0)::int as late,
               coalesce(a.excused, 0)::int as excused, coalesce(a.absent, 0)::int as absent,
               -- No post-test taken at all is no score (a blank), not a zero.
               (select case when count(lp.best_score) = 0 then null else avg(coalesce(lp.best_score, 0)) end
                  from lessons l
                  left join lesson_progress lp on lp.lesson_id = l.id and lp.enrollment_id = p.id
                 where l.version_id = ${cohort.courseVersionId}::uuid and l.kind = 'quiz') as quiz_average,
               (select jsonb_object_agg(s.component, s.score) from scores s where s.enrollment_id = p.id) as manual,
               r.final_score, r.predikat, r.passed, r.reasons, c.number as certificate_number
          from page p
          left join lateral (
            select count(*) filter (where at.status = 'present') as present,
                   count(*) filter (where at.status = 'late') as late,
                   count(*) filter (where at.status = 'excused') as excused,
                   count(*) filter (where at.status = 'absent') as absent
              from attendance at where at.enrollment_id = p.id) a on true
          left join results r on r.run_id = ${ctx.run?.id ?? null}::uuid and r.enrollment_id = p.id
          left join certificates c on c.enrollment_id = p.id and c.revoked_at is null
         order by p.name, p.id`)
      ).rows;
      if (page.length === 0) return;
      const absence = await absenceSummaries(
        db,
        cohort,
        ctx.rule,
        page.map((r) => r.id as string),
      );
      for (const r of page) {
        const manual = (r.manual ?? {}) as Record<string, string | number>;
        const scores = Object.fromEntries(
          ctx.components.map((c) => {
            const value = c.source === 'quiz' ? r.quiz_average : manual[c.code];
            return [c.code, value === null || value === undefined ? null : round(Number(value))];
          }),
        );
        const mine = absence.get(r.id as string);
        yield {
          enrollmentId: r.id as string,
          nip: r.nip as string | null,
          name: r.name as string,
          position: r.position as string | null,
          rank: r.rank as string | null,
          category: r.category as string | null,
          unit: r.unit as string | null,
          status: r.status as ReportRow['status'],
          statusText: translate(lang, `enrollmentStatus.${r.status as string}` as MessageKey),
          onlineJp: round(Number(r.online_jp)),
          classroomJp: round(Number(r.classroom_jp)),
          fieldJp: round(Number(r.field_jp)),
          attendance: {
            present: r.present as number,
            late: r.late as number,
            excused: r.excused as number,
            absent: r.absent as number,
            absentJp: round(mine?.absentJp ?? 0),
            absentDays: mine?.absentDays ?? 0,
          },
          scores,
          finalScore: r.final_score === null ? null : Number(r.final_score),
          predikat: r.predikat as string | null,
          passed: r.passed as boolean | null,
          reasons: (r.reasons as string[] | null) ?? [],
          reasonTexts: ((r.reasons as string[] | null) ?? []).map((x) =>
            translate(lang, `failReason.${x}` as MessageKey),
          ),
          certificateNumber: r.certificate_number as string | null,
        };
      }
      const last = page.at(-1)!;
      after = { name: last.name as string, id: last.id as string };
    }
  }

  return {
    /** Checks access and reads what the report needs first, so errors are answered before streaming. */
    async open(actor: Actor, cohortId: string, format: ReportFormat, lang: Lang = DEFAULT_LANG) {
      const cohort = await cohorts.cohortInScope(db, actor, cohortId);
      const ctx = await context(cohort);
      const head = {
        cohort: { id: cohort.id, code: cohort.code, name: cohort.name, timeZone: cohort.timeZone },
        resultVersion: ctx.run?.version ?? null,
        components: ctx.components.map((c) => ({ code: c.code, name: c.name, weight: c.weight, source: c.source })),
        summary: await summary(cohort, ctx.run?.id, lang),
      };
      const filename = `laporan-${cohort.code.replace(/[^A-Za-z0-9.-]+/g, '-')}.${format}`;
      const recapHeading = format === 'xlsx' ? await heading(cohort) : null;
      return {
        filename,
        stream: render(format, lang, head, recapHeading, rows(cohort, ctx, lang), recapColumns(lang, ctx.components)),
      };
    },
  };

  function render(
    format: ReportFormat,
    lang: Lang,
    head: { summary: Awaited<ReturnType<typeof summary>> } & Record<string, unknown>,
    recapHeading: RecapHeading | null,
    source: AsyncGenerator<ReportRow>,
    columns: RecapColumns,
  ): Readable {
    if (format === 'json') {
      return Readable.from(
        (async function* () {
          const { summary: s, ...rest } = head;
          yield `${JSON.stringify({ ...rest, summary: s }).slice(0, -1)},"rows":[`;
          let first = true;
          for await (const row of source) {
            yield (first ? '' : ',') + JSON.stringify(row);
            first = false;
          }
          yield ']}';
        })(),
      );
    }
    if (format === 'csv') {
      const csv = csvStream(columns.headers);
      void (async () => {
        try {
          for await (const row of source) {
            if (!csv.write(columns.values(row))) await new Promise((resolve) => csv.once('drain', resolve));
          }
          csv.end();
        } catch (error) {
          csv.destroy(error as Error);
        }
      })();
      return csv;
    }
    const out = new PassThrough();
    writeRecapXlsx(out, lang, recapHeading!, head.summary, source, columns).catch((error: unknown) =>
      out.destroy(error as Error),
    );
    return out;
  }
}

export type ReportsService = ReturnType<typeof createReportsService>;
