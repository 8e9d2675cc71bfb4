import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbExecutor } from '../../db/index.js';
import {
  attendance,
  certificateLogos,
  certificateSignatories,
  courseModules,
  courses,
  organizations,
  phases,
  type CertificateSignatory,
  type CertificateTranscript,
  type Cohort,
} from '../../db/schema.js';
import type { Logo } from './document.js';

export interface CohortFacts {
  org: typeof organizations.$inferSelect;
  course: typeof courses.$inferSelect;
  venue: string | null;
  /** The pinned course version's subjects, in the curriculum's order. */
  subjects: CertificateTranscript['subjects'];
  totalJp: number;
  fieldJp: number;
  place: string | null;
  signatories: CertificateSignatory[];
  logo: Logo | null;
}

/** What every certificate of a cohort shares: instansi, program, dates, venue, JP, signatories, logo. */
export async function cohortFacts(tx: DbExecutor, cohort: Cohort): Promise<CohortFacts> {
  const [org] = await tx.select().from(organizations).where(eq(organizations.id, cohort.orgId));
  const [course] = await tx.select().from(courses).where(eq(courses.id, cohort.courseId));
  const cohortPhases = await tx
    .select()
    .from(phases)
    .where(eq(phases.cohortId, cohort.id))
    .orderBy(asc(phases.position));
  const venue = cohortPhases.find((p) => p.kind !== 'online' && p.venue)?.venue ?? null;
  const modules = await tx
    .select({ agenda: courseModules.agenda, title: courseModules.title, jp: courseModules.jp })
    .from(courseModules)
    .where(eq(courseModules.versionId, cohort.courseVersionId))
    .orderBy(asc(courseModules.position));
  // The cohort's own signatories win over the organization's.
  const settings = await tx
    .select()
    .from(certificateSignatories)
    .where(
      and(
        eq(certificateSignatories.orgId, cohort.orgId),
        sql`(${certificateSignatories.cohortId} = ${cohort.id} or ${certificateSignatories.cohortId} is null)`,
      ),
    );
  const chosen = settings.find((s) => s.cohortId === cohort.id) ?? settings.find((s) => s.cohortId === null);
  const [logo] = await tx
    .select({ type: certificateLogos.contentType, data: certificateLogos.data })
    .from(certificateLogos)
    .where(eq(certificateLogos.orgId, cohort.orgId));
  return {
    org: org!,
    course: course!,
    venue,
    subjects: modules,
    totalJp: Math.round(modules.reduce((sum, m) => sum + m.jp, 0) * 100) / 100,
    fieldJp: cohortPhases.filter((p) => p.kind === 'field').reduce((sum, p) => sum + p.requiredJp, 0),
    place: chosen?.place ?? null,
    signatories: chosen?.signatories ?? [],
    logo: logo ? { type: logo.type as Logo['type'], data: logo.data } : null,
  };
}

export type AttendanceCounts = CertificateTranscript['attendance'];

/** Each enrollment's classroom attendance, counted by status. */
export async function attendanceOf(tx: DbExecutor, enrollmentIds: string[]): Promise<Map<string, AttendanceCounts>> {
  const counts = new Map<string, AttendanceCounts>();
  for (const id of enrollmentIds) counts.set(id, { present: 0, late: 0, excused: 0, absent: 0 });
  if (enrollmentIds.length === 0) return counts;
  const rows = await tx
    .select({ enrollmentId: attendance.enrollmentId, status: attendance.status, n: sql<number>`count(*)::int` })
    .from(attendance)
    .where(inArray(attendance.enrollmentId, enrollmentIds))
    .groupBy(attendance.enrollmentId, attendance.status);
  for (const r of rows) counts.get(r.enrollmentId)![r.status] = r.n;
  return counts;
}
