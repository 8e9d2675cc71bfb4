import { sql } from 'drizzle-orm';
import type { DbExecutor } from '../../db/index.js';
import { lessonProgress } from '../../db/schema.js';

/** Who completed a lesson other than by time, a quiz or by hand: handing work in, or its acceptance. */
export type CompletedBy = 'submission' | 'review';

/**
 * Marks a lesson complete in the lesson-progress state the credit engine keeps, inside the
 * caller's transaction. The first completion stands (as for time, quizzes and manual completion):
 * credited seconds, JP and an earlier completion are left as they are. Returns the state after.
 */
export async function completeLesson(
  tx: DbExecutor,
  c: { enrollmentId: string; lessonId: string; at: Date; by: CompletedBy },
): Promise<{ completedAt: Date; completedBy: string }> {
  const [row] = await tx
    .insert(lessonProgress)
    .values({ enrollmentId: c.enrollmentId, lessonId: c.lessonId, completedAt: c.at, completedBy: c.by })
    .onConflictDoUpdate({
      target: [lessonProgress.enrollmentId, lessonProgress.lessonId],
      set: {
        completedAt: sql`coalesce(${lessonProgress.completedAt}, excluded.completed_at)`,
        completedBy: sql`coalesce(${lessonProgress.completedBy}, excluded.completed_by)`,
      },
    })
    .returning({ completedAt: lessonProgress.completedAt, completedBy: lessonProgress.completedBy });
  return { completedAt: row!.completedAt!, completedBy: row!.completedBy! };
}
