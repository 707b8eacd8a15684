-- This month's charges on the call center page are summed from the index alone: with the cost beside
-- the time, a month of a busy tenant (154k calls) is one index range instead of a row read per call
-- (14.7 s on a cold buffer pool in bench/center.sh, 10M calls). The other readers of the index use its
-- first column as before.
DROP INDEX ix_call_record_offered ON call_record;
CREATE INDEX ix_call_record_offered ON call_record (offered_at, cost_fen);
