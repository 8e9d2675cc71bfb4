CREATE TYPE "public"."jp_source" AS ENUM('lesson', 'session', 'adjustment', 'external');--> statement-breakpoint
CREATE TYPE "public"."progress_event_status" AS ENUM('accepted', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."progress_event_type" AS ENUM('heartbeat', 'lesson_completed');--> statement-breakpoint
CREATE TABLE "enrollment_progress" (
	"enrollment_id" uuid PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"credited_until" timestamp (3) with time zone,
	"last_activity_at" timestamp (3) with time zone,
	"credited_seconds" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "jp_ledger" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"enrollment_id" uuid,
	"phase_id" uuid,
	"module_id" uuid,
	"lesson_id" uuid,
	"source" "jp_source" NOT NULL,
	"jp" numeric(10, 4) NOT NULL,
	"seconds" integer DEFAULT 0 NOT NULL,
	"occurred_at" timestamp (3) with time zone NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lesson_progress" (
	"enrollment_id" uuid NOT NULL,
	"lesson_id" uuid NOT NULL,
	"credited_seconds" integer DEFAULT 0 NOT NULL,
	"completed_at" timestamp (3) with time zone,
	"completed_by" text,
	"best_score" numeric(5, 2),
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_event_at" timestamp (3) with time zone,
	CONSTRAINT "lesson_progress_enrollment_id_lesson_id_pk" PRIMARY KEY("enrollment_id","lesson_id")
);
--> statement-breakpoint
CREATE TABLE "progress_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"enrollment_id" uuid NOT NULL,
	"client_event_id" varchar(100) NOT NULL,
	"type" "progress_event_type" NOT NULL,
	"lesson_id" uuid NOT NULL,
	"occurred_at" timestamp (3) with time zone NOT NULL,
	"received_at" timestamp (3) with time zone NOT NULL,
	"claimed_seconds" integer DEFAULT 0 NOT NULL,
	"credited_seconds" integer DEFAULT 0 NOT NULL,
	"status" "progress_event_status" NOT NULL,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "quiz_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enrollment_id" uuid NOT NULL,
	"lesson_id" uuid NOT NULL,
	"attempt_no" integer NOT NULL,
	"answers" jsonb NOT NULL,
	"score" numeric(5, 2) NOT NULL,
	"passed" boolean NOT NULL,
	"submitted_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "enrollment_progress" ADD CONSTRAINT "enrollment_progress_enrollment_id_enrollments_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "public"."enrollments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jp_ledger" ADD CONSTRAINT "jp_ledger_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jp_ledger" ADD CONSTRAINT "jp_ledger_enrollment_id_enrollments_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "public"."enrollments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesson_progress" ADD CONSTRAINT "lesson_progress_enrollment_id_enrollments_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "public"."enrollments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_events" ADD CONSTRAINT "progress_events_enrollment_id_enrollments_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "public"."enrollments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quiz_attempts" ADD CONSTRAINT "quiz_attempts_enrollment_id_enrollments_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "public"."enrollments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "jp_ledger_user_time_idx" ON "jp_ledger" USING btree ("user_id","occurred_at");--> statement-breakpoint
CREATE INDEX "jp_ledger_enrollment_idx" ON "jp_ledger" USING btree ("enrollment_id","phase_id","module_id");--> statement-breakpoint
CREATE UNIQUE INDEX "progress_events_client_key" ON "progress_events" USING btree ("enrollment_id","client_event_id");--> statement-breakpoint
CREATE UNIQUE INDEX "quiz_attempts_no_key" ON "quiz_attempts" USING btree ("enrollment_id","lesson_id","attempt_no");