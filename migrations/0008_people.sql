CREATE TYPE "public"."membership_role" AS ENUM('org_admin', 'instructor', 'participant');--> statement-breakpoint
CREATE TYPE "public"."nip_kind" AS ENUM('pns', 'pppk');--> statement-breakpoint
CREATE TABLE "memberships" (
	"user_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"role" "membership_role" NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memberships_user_id_org_id_role_pk" PRIMARY KEY("user_id","org_id","role")
);
--> statement-breakpoint
ALTER TABLE "enrollments" ADD COLUMN "profile" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "jp_ledger" ADD COLUMN "org_id" uuid;--> statement-breakpoint
ALTER TABLE "refresh_tokens" ADD COLUMN "org_id" uuid;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "home_org_id" uuid;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "platform_admin" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "nip_kind" "nip_kind";--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "memberships_org_role_idx" ON "memberships" USING btree ("org_id","role");--> statement-breakpoint
ALTER TABLE "jp_ledger" ADD CONSTRAINT "jp_ledger_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_home_org_id_organizations_id_fk" FOREIGN KEY ("home_org_id") REFERENCES "public"."organizations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "users_home_org_created_idx" ON "users" USING btree ("home_org_id","created_at","id");--> statement-breakpoint
-- Data: every account becomes a person with one membership, as it was; nothing is removed here.
UPDATE "users" SET
  "home_org_id" = "org_id",
  "platform_admin" = ("role" = 'platform_admin'),
  "nip_kind" = CASE WHEN "nip" IS NULL THEN NULL WHEN substr("nip", 13, 1) = '2' THEN 'pppk'::"nip_kind" ELSE 'pns'::"nip_kind" END;--> statement-breakpoint
INSERT INTO "memberships" ("user_id", "org_id", "role", "created_at")
  SELECT "id", "org_id", "role"::text::"membership_role", "created_at" FROM "users"
   WHERE "role" <> 'platform_admin' AND "org_id" IS NOT NULL;--> statement-breakpoint
UPDATE "enrollments" e SET "profile" = jsonb_strip_nulls(jsonb_build_object(
    'rank', u."rank", 'position', u."position", 'unit', u."unit", 'category', u."category", 'instansi', o."name"))
  FROM "users" u LEFT JOIN "organizations" o ON o."id" = u."org_id"
 WHERE u."id" = e."user_id";--> statement-breakpoint
UPDATE "jp_ledger" j SET "org_id" = u."org_id" FROM "users" u WHERE u."id" = j."user_id" AND j."enrollment_id" IS NULL;--> statement-breakpoint
UPDATE "refresh_tokens" t SET "org_id" = u."org_id" FROM "users" u WHERE u."id" = t."user_id";--> statement-breakpoint
UPDATE "organizations" SET "settings" = '{"annualJpTargetPppk": 24, "allowNonAsnParticipants": false}'::jsonb || "settings";--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_nip_kind_with_nip" CHECK (("users"."nip" is null) = ("users"."nip_kind" is null));