-- Agent desktop (F19, F20): the service note (服务备注) an agent writes on a call, one per call, saved
-- as they type (upserted, so an autosave racing the previous one never fails), and the events and
-- work orders a call is linked to. Calls, events and work orders stay in their own tables.
CREATE TABLE call_note (
    call_id    VARCHAR(36)   PRIMARY KEY,
    text       VARCHAR(4000) NOT NULL,
    updated_at DATETIME(3)   NOT NULL,
    updated_by VARCHAR(64)   NOT NULL
);

-- A call may be linked to many records and a record to many calls; linking twice is a no-op (the key).
CREATE TABLE call_link (
    call_id    VARCHAR(36) NOT NULL,
    kind       VARCHAR(12) NOT NULL,
    target_id  BIGINT      NOT NULL,
    created_at DATETIME(3) NOT NULL,
    created_by VARCHAR(64) NOT NULL,
    PRIMARY KEY (call_id, kind, target_id)
);
-- A customer's service history finds the calls linked to its events and work orders.
CREATE INDEX ix_call_link_target ON call_link (kind, target_id);

-- An agent's calls of the day: those whose record names their seat, and those they took and then
-- transferred on (the record names the last seat; the agent leg names theirs).
CREATE INDEX ix_call_record_seat ON call_record (seat, offered_at);
CREATE INDEX ix_call_leg_party ON call_leg (party, started_at);
