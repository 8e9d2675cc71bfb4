ALTER TABLE "enrollment_progress" ADD COLUMN "phase_jp" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "enrollment_progress" ADD COLUMN "day_seconds" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "jp_ledger" ADD COLUMN "local_date" date;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "activated_at" timestamp (3) with time zone;--> statement-breakpoint
-- Data: each entry's local date in the cohort's zone (an entry outside an enrollment: the zone of
-- the person's home organization, else Asia/Jakarta); the JP each phase has credited from lessons;
-- accounts with a password count as activated when they were created. The daily counts start empty.
UPDATE "jp_ledger" j SET "local_date" = (j."occurred_at" AT TIME ZONE coalesce(
    (SELECT c."time_zone" FROM "enrollments" e JOIN "cohorts" c ON c."id" = e."cohort_id" WHERE e."id" = j."enrollment_id"),
    (SELECT o."time_zone" FROM "users" u JOIN "organizations" o ON o."id" = u."home_org_id" WHERE u."id" = j."user_id"),
    'Asia/Jakarta'))::date;--> statement-breakpoint
ALTER TABLE "jp_ledger" ALTER COLUMN "local_date" SET NOT NULL;--> statement-breakpoint
UPDATE "enrollment_progress" ep SET "phase_jp" = x."phase_jp"
  FROM (SELECT l."enrollment_id", jsonb_object_agg(l."phase_id", l."jp") AS "phase_jp"
          FROM (SELECT "enrollment_id", "phase_id", sum("jp")::float AS "jp" FROM "jp_ledger"
                 WHERE "source" = 'lesson' AND "phase_id" IS NOT NULL GROUP BY "enrollment_id", "phase_id") l
         GROUP BY l."enrollment_id") x
 WHERE x."enrollment_id" = ep."enrollment_id";--> statement-breakpoint
UPDATE "users" SET "activated_at" = "created_at" WHERE "password_hash" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "jp_ledger_user_date_idx" ON "jp_ledger" USING btree ("user_id","local_date");
