-- pg_trgm is in PostgreSQL's contrib and in the embedded PostgreSQL; a trusted extension, so the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "users_name_trgm_idx" ON "users" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "users_nip_prefix_idx" ON "users" USING btree ("nip" varchar_pattern_ops);