-- A person's JP is counted by local date (jp_ledger_user_date_idx, which also serves every lookup by
-- person); the index by (person, instant) is read by nothing, and every credit wrote an entry to it.
DROP INDEX "jp_ledger_user_time_idx";