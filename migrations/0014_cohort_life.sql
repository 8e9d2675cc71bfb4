CREATE TYPE "public"."phase_final_outcome" AS ENUM('met', 'met_in_remedial', 'short');--> statement-breakpoint
ALTER TYPE "public"."transition_kind" ADD VALUE 'reopen';--> statement-breakpoint
ALTER TYPE "public"."transition_kind" ADD VALUE 'remedial_end';--> statement-breakpoint
ALTER TABLE "cohorts" ALTER COLUMN "status" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "cohorts" ALTER COLUMN "status" SET DEFAULT 'draft'::text;--> statement-breakpoint
-- Hand-written: 'planned' no longer exists. A planned cohort with phases had its clock armed (its
-- transitions were queued and would fire): it becomes 'scheduled', so nothing stops that it counted
-- on. One without phases had nothing for the clock to do: it becomes a 'draft'.
UPDATE "cohorts" SET "status" = CASE
    WHEN EXISTS (SELECT 1 FROM "phases" p WHERE p."cohort_id" = "cohorts"."id") THEN 'scheduled'
    ELSE 'draft' END
  WHERE "status" = 'planned';--> statement-breakpoint
DROP TYPE "public"."cohort_status";--> statement-breakpoint
CREATE TYPE "public"."cohort_status" AS ENUM('draft', 'scheduled', 'running', 'completed', 'cancelled');--> statement-breakpoint
ALTER TABLE "cohorts" ALTER COLUMN "status" SET DEFAULT 'draft'::"public"."cohort_status";--> statement-breakpoint
ALTER TABLE "cohorts" ALTER COLUMN "status" SET DATA TYPE "public"."cohort_status" USING "status"::"public"."cohort_status";--> statement-breakpoint
DROP INDEX "phase_transitions_once_key";--> statement-breakpoint
ALTER TABLE "cohorts" ADD COLUMN "past_program" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "phase_outcomes" ADD COLUMN "final" "phase_final_outcome";--> statement-breakpoint
ALTER TABLE "phase_outcomes" ADD COLUMN "final_jp" numeric(10, 4);--> statement-breakpoint
ALTER TABLE "phase_outcomes" ADD COLUMN "final_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "phase_transitions" ADD COLUMN "round" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "phases" ADD COLUMN "round" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "phases" ADD COLUMN "outcomes_final_at" timestamp (3) with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "phase_transitions_once_key" ON "phase_transitions" USING btree ("phase_id","kind","round");--> statement-breakpoint
-- Hand-written: outcomes that met the phase's JP at closing were final then.
UPDATE "phase_outcomes" SET "final" = 'met', "final_jp" = "earned_jp", "final_at" = "closed_at" WHERE "met";--> statement-breakpoint
-- Hand-written: remedial windows that ended before this release are settled quietly from the ledger
-- (no events for programs long over); windows still running end by the clock, with their events.
WITH ended AS (
  SELECT o."enrollment_id", o."phase_id", o."required_jp",
         (SELECT coalesce(sum(l."jp"), 0) FROM "jp_ledger" l
           WHERE l."enrollment_id" = o."enrollment_id" AND l."phase_id" = o."phase_id") AS jp
    FROM "phase_outcomes" o
   WHERE NOT o."met" AND (o."remedial_until" IS NULL OR o."remedial_until" <= now())
)
UPDATE "phase_outcomes" o SET "final" = CASE WHEN e.jp >= e."required_jp" THEN 'met_in_remedial'::"phase_final_outcome" ELSE 'short'::"phase_final_outcome" END,
       "final_jp" = e.jp, "final_at" = now()
  FROM ended e WHERE o."enrollment_id" = e."enrollment_id" AND o."phase_id" = e."phase_id";--> statement-breakpoint
UPDATE "phases" p SET "outcomes_final_at" = now()
 WHERE p."kind" = 'online' AND p."state" = 'closed'
   AND p."closes_at" + make_interval(days => p."remedial_days") <= now();
