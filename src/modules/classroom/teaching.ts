import { sql } from 'drizzle-orm';
import { classSessions, enrollments, sessionInstructors } from '../../db/schema.js';

/**
 * What an instructor may read is bounded by what they teach: the cohorts with a session they are
 * an instructor of, and the participants enrolled in those. Subqueries, for `in (...)`.
 */
export function taughtCohortIds(instructorId: string) {
  return sql`select s.cohort_id from ${classSessions} s join ${sessionInstructors} i on i.session_id = s.id where i.user_id = ${instructorId}`;
}

export function taughtParticipantIds(instructorId: string) {
  return sql`select e.user_id from ${enrollments} e where e.cohort_id in (${taughtCohortIds(instructorId)})`;
}
