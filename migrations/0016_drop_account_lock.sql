-- Login failures are counted per (login, address) in login_attempts since 0013; the per-account
-- counter and hard lock are no longer read or written.
ALTER TABLE "users" DROP COLUMN "failed_login_count";--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "locked_until";