CREATE TYPE "public"."transition_kind" AS ENUM('open', 'close');--> statement-breakpoint
CREATE TYPE "public"."transition_trigger" AS ENUM('schedule', 'catch-up', 'manual');--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"delivered_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "phase_outcomes" (
	"enrollment_id" uuid NOT NULL,
	"phase_id" uuid NOT NULL,
	"earned_jp" numeric(10, 4) NOT NULL,
	"required_jp" numeric(6, 2) NOT NULL,
	"met" boolean NOT NULL,
	"remedial_until" timestamp (3) with time zone,
	"closed_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "phase_outcomes_enrollment_id_phase_id_pk" PRIMARY KEY("enrollment_id","phase_id")
);
--> statement-breakpoint
CREATE TABLE "phase_transitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"phase_id" uuid NOT NULL,
	"cohort_id" uuid NOT NULL,
	"kind" "transition_kind" NOT NULL,
	"trigger" "transition_trigger" NOT NULL,
	"schedule_version" integer NOT NULL,
	"scheduled_at" timestamp (3) with time zone,
	"applied_at" timestamp (3) with time zone NOT NULL,
	"actor_id" uuid,
	"reason" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "phase_outcomes" ADD CONSTRAINT "phase_outcomes_enrollment_id_enrollments_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "public"."enrollments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phase_outcomes" ADD CONSTRAINT "phase_outcomes_phase_id_phases_id_fk" FOREIGN KEY ("phase_id") REFERENCES "public"."phases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phase_transitions" ADD CONSTRAINT "phase_transitions_phase_id_phases_id_fk" FOREIGN KEY ("phase_id") REFERENCES "public"."phases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phase_transitions" ADD CONSTRAINT "phase_transitions_cohort_id_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."cohorts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outbox_pending_idx" ON "outbox" USING btree ("delivered_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "phase_transitions_once_key" ON "phase_transitions" USING btree ("phase_id","kind");--> statement-breakpoint
CREATE INDEX "phase_transitions_cohort_idx" ON "phase_transitions" USING btree ("cohort_id","applied_at");