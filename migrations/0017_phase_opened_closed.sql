-- A phase's opening and closing instants, kept on the phase row by its transitions: crediting a
-- heartbeat read them from phase_transitions on every round. Filled from the transitions recorded
-- so far with the same rule: the first opening and the latest closing, each at its scheduled
-- instant when the clock made it, at the moment it was made when made by hand.
ALTER TABLE "phases" ADD COLUMN "opened_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "phases" ADD COLUMN "closed_at" timestamp (3) with time zone;--> statement-breakpoint
UPDATE "phases" p SET
  "opened_at" = (SELECT min(coalesce(t."scheduled_at", t."applied_at")) FROM "phase_transitions" t
                  WHERE t."phase_id" = p."id" AND t."kind" = 'open'),
  "closed_at" = (SELECT max(coalesce(t."scheduled_at", t."applied_at")) FROM "phase_transitions" t
                  WHERE t."phase_id" = p."id" AND t."kind" = 'close')
WHERE EXISTS (SELECT 1 FROM "phase_transitions" t WHERE t."phase_id" = p."id" AND t."kind" IN ('open', 'close'));
