-- Billing (F15): what a call cost, kept on its record. Written in the same transaction as the record's
-- close and the debit of the tenant's balance (platform tables tenant and balance_entry).
-- billed_minutes: started minutes of billable talk time; rate_fen: the per-minute rate applied (null
-- when nothing was billable); cost_fen = billed_minutes * rate_fen, 0 for unanswered and inbound calls.
ALTER TABLE call_record ADD COLUMN billed_minutes INT NOT NULL DEFAULT 0;
ALTER TABLE call_record ADD COLUMN rate_fen INT;
ALTER TABLE call_record ADD COLUMN cost_fen BIGINT NOT NULL DEFAULT 0;
