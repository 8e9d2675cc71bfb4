ALTER TABLE "users" DROP CONSTRAINT "users_org_required";--> statement-breakpoint
ALTER TABLE "users" DROP CONSTRAINT "users_org_id_organizations_id_fk";
--> statement-breakpoint
DROP INDEX "users_org_created_idx";--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "org_id";--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "role";