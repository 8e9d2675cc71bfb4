-- An organization that still has webhook endpoints is refused (409) instead of losing them and
-- their delivery log with it.
ALTER TABLE "webhook_endpoints" DROP CONSTRAINT "webhook_endpoints_org_id_organizations_id_fk";
--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ADD CONSTRAINT "webhook_endpoints_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE restrict ON UPDATE no action;