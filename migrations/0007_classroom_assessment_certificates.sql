CREATE TYPE "public"."attendance_status" AS ENUM('present', 'late', 'excused', 'absent');--> statement-breakpoint
CREATE TABLE "assessment_schemes" (
	"cohort_id" uuid PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"components" jsonb NOT NULL,
	"pass_mark" numeric(5, 2) NOT NULL,
	"bands" jsonb NOT NULL,
	"absence" jsonb NOT NULL,
	"require_online_jp" boolean NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "attendance" (
	"session_id" uuid NOT NULL,
	"enrollment_id" uuid NOT NULL,
	"status" "attendance_status" NOT NULL,
	"note" text,
	"recorded_by" uuid,
	"recorded_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "attendance_session_id_enrollment_id_pk" PRIMARY KEY("session_id","enrollment_id")
);
--> statement-breakpoint
CREATE TABLE "certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"cohort_id" uuid NOT NULL,
	"enrollment_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"result_run_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"number" text NOT NULL,
	"code" varchar(32) NOT NULL,
	"fields" jsonb NOT NULL,
	"pdf" "bytea" NOT NULL,
	"issued_at" timestamp (3) with time zone NOT NULL,
	"issued_by" uuid,
	"revoked_at" timestamp (3) with time zone,
	"revoked_by" uuid,
	"revoke_reason" text
);
--> statement-breakpoint
CREATE TABLE "class_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"phase_id" uuid NOT NULL,
	"cohort_id" uuid NOT NULL,
	"title" text NOT NULL,
	"starts_at" timestamp (3) with time zone NOT NULL,
	"ends_at" timestamp (3) with time zone NOT NULL,
	"jp" numeric(6, 2) NOT NULL,
	"venue" text,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "class_sessions_time_order" CHECK ("class_sessions"."starts_at" < "class_sessions"."ends_at")
);
--> statement-breakpoint
CREATE TABLE "result_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cohort_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"final" boolean NOT NULL,
	"scheme" jsonb NOT NULL,
	"summary" jsonb NOT NULL,
	"computed_by" uuid,
	"computed_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "results" (
	"run_id" uuid NOT NULL,
	"enrollment_id" uuid NOT NULL,
	"components" jsonb NOT NULL,
	"final_score" numeric(5, 2) NOT NULL,
	"predikat" text NOT NULL,
	"passed" boolean NOT NULL,
	"reasons" jsonb NOT NULL,
	"online_jp" numeric(10, 4) NOT NULL,
	"classroom_jp" numeric(10, 4) NOT NULL,
	"absent_jp" numeric(10, 4) NOT NULL,
	"absent_days" integer NOT NULL,
	CONSTRAINT "results_run_id_enrollment_id_pk" PRIMARY KEY("run_id","enrollment_id")
);
--> statement-breakpoint
CREATE TABLE "scores" (
	"enrollment_id" uuid NOT NULL,
	"component" varchar(32) NOT NULL,
	"score" numeric(5, 2) NOT NULL,
	"note" text,
	"scored_by" uuid,
	"scored_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "scores_enrollment_id_component_pk" PRIMARY KEY("enrollment_id","component"),
	CONSTRAINT "scores_range" CHECK ("scores"."score" >= 0 and "scores"."score" <= 100)
);
--> statement-breakpoint
CREATE TABLE "session_instructors" (
	"session_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "session_instructors_session_id_user_id_pk" PRIMARY KEY("session_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "jp_ledger" ADD COLUMN "session_id" uuid;--> statement-breakpoint
ALTER TABLE "assessment_schemes" ADD CONSTRAINT "assessment_schemes_cohort_id_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."cohorts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_session_id_class_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."class_sessions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_enrollment_id_enrollments_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "public"."enrollments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_cohort_id_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."cohorts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_enrollment_id_enrollments_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "public"."enrollments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_result_run_id_result_runs_id_fk" FOREIGN KEY ("result_run_id") REFERENCES "public"."result_runs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_sessions" ADD CONSTRAINT "class_sessions_phase_id_phases_id_fk" FOREIGN KEY ("phase_id") REFERENCES "public"."phases"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_sessions" ADD CONSTRAINT "class_sessions_cohort_id_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."cohorts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_runs" ADD CONSTRAINT "result_runs_cohort_id_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."cohorts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "results" ADD CONSTRAINT "results_run_id_result_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."result_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "results" ADD CONSTRAINT "results_enrollment_id_enrollments_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "public"."enrollments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scores" ADD CONSTRAINT "scores_enrollment_id_enrollments_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "public"."enrollments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_instructors" ADD CONSTRAINT "session_instructors_session_id_class_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."class_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_instructors" ADD CONSTRAINT "session_instructors_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attendance_enrollment_idx" ON "attendance" USING btree ("enrollment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_enrollment_key" ON "certificates" USING btree ("enrollment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_code_key" ON "certificates" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_cohort_seq_key" ON "certificates" USING btree ("cohort_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_org_number_key" ON "certificates" USING btree ("org_id","number");--> statement-breakpoint
CREATE INDEX "certificates_user_idx" ON "certificates" USING btree ("user_id","issued_at");--> statement-breakpoint
CREATE INDEX "class_sessions_phase_idx" ON "class_sessions" USING btree ("phase_id","starts_at");--> statement-breakpoint
CREATE INDEX "class_sessions_cohort_idx" ON "class_sessions" USING btree ("cohort_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "result_runs_version_key" ON "result_runs" USING btree ("cohort_id","version");--> statement-breakpoint
CREATE INDEX "results_enrollment_idx" ON "results" USING btree ("enrollment_id");--> statement-breakpoint
CREATE INDEX "session_instructors_user_idx" ON "session_instructors" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "jp_ledger_session_idx" ON "jp_ledger" USING btree ("session_id","enrollment_id") WHERE "jp_ledger"."session_id" is not null;