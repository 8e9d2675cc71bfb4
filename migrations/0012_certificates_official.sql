CREATE TYPE "public"."certificate_revoke_category" AS ENUM('data_correction', 'result_changed', 'issued_in_error', 'misconduct', 'other');--> statement-breakpoint
CREATE TYPE "public"."signing_kind" AS ENUM('pkcs12', 'gateway');--> statement-breakpoint
CREATE TABLE "badge_keys" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"kid" text NOT NULL,
	"public_jwk" jsonb NOT NULL,
	"private_key" "bytea" NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "certificate_logos" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"content_type" text NOT NULL,
	"data" "bytea" NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "certificate_signatories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"cohort_id" uuid,
	"place" text,
	"signatories" jsonb NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "certificate_signing" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"kind" "signing_kind" NOT NULL,
	"pkcs12" "bytea",
	"signer_id" text,
	"passphrase" "bytea" NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
DROP INDEX "certificates_enrollment_key";--> statement-breakpoint
ALTER TABLE "certificates" ADD COLUMN "revoke_category" "certificate_revoke_category";--> statement-breakpoint
ALTER TABLE "certificates" ADD COLUMN "replaced_by_id" uuid;--> statement-breakpoint
ALTER TABLE "certificates" ADD COLUMN "signature" text;--> statement-breakpoint
ALTER TABLE "certificates" ADD COLUMN "status_index" integer NOT NULL GENERATED ALWAYS AS IDENTITY (sequence name "certificates_status_index_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1);--> statement-breakpoint
ALTER TABLE "badge_keys" ADD CONSTRAINT "badge_keys_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificate_logos" ADD CONSTRAINT "certificate_logos_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificate_signatories" ADD CONSTRAINT "certificate_signatories_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificate_signatories" ADD CONSTRAINT "certificate_signatories_cohort_id_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."cohorts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificate_signing" ADD CONSTRAINT "certificate_signing_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "certificate_signatories_org_key" ON "certificate_signatories" USING btree ("org_id") WHERE "certificate_signatories"."cohort_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "certificate_signatories_cohort_key" ON "certificate_signatories" USING btree ("cohort_id") WHERE "certificate_signatories"."cohort_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_enrollment_valid_key" ON "certificates" USING btree ("enrollment_id") WHERE "certificates"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "certificates_enrollment_idx" ON "certificates" USING btree ("enrollment_id");