-- The credit clock and each lesson's progress are updated on every heartbeat. With room left on
-- their pages, PostgreSQL writes the new version of a row beside the old one (a HOT update) and
-- adds no index entry for it: less work per heartbeat, and tables that do not bloat. Rows already
-- written keep their place; pages are filled to the new factor as they are written again.
ALTER TABLE "enrollment_progress" SET (fillfactor = 70);--> statement-breakpoint
ALTER TABLE "lesson_progress" SET (fillfactor = 70);
