-- Call center page (F21): the tab an ended call is listed under (IN_ANSWERED 已接来电, IN_MISSED 未接来电,
-- OUT_ANSWERED 呼出已接, OUT_MISSED 呼出未接), kept on the record when it closes, so every tab — and a
-- seat's view of it — is one index range newest first, paged by the key (offered_at, id), never by OFFSET.
-- A call in progress has no tab yet: it is on the monitor wall, not in the lists.
ALTER TABLE call_record ADD COLUMN tab VARCHAR(12);
UPDATE call_record SET tab = CASE
    WHEN direction = 'INBOUND' AND answered_at IS NOT NULL THEN 'IN_ANSWERED'
    WHEN direction = 'INBOUND' THEN 'IN_MISSED'
    WHEN direction = 'OUTBOUND' AND answered_at IS NOT NULL THEN 'OUT_ANSWERED'
    WHEN direction = 'OUTBOUND' THEN 'OUT_MISSED'
END WHERE ended_at IS NOT NULL;
CREATE INDEX ix_call_record_tab ON call_record (tab, offered_at, id);
CREATE INDEX ix_call_record_tab_seat ON call_record (tab, seat, offered_at, id);

-- The supervision pages' per-tenant settings: the service level's threshold (answered within N s), the
-- time a callback task may stay open, and how long recordings are kept (null: for ever); where the
-- retention job's last sweep got to, so each sweep reads only what aged since.
CREATE TABLE center_settings (
    id                       INT PRIMARY KEY,
    service_level_s          INT NOT NULL DEFAULT 20,
    callback_sla_minutes     INT NOT NULL DEFAULT 120,
    recording_retention_days INT,
    retention_swept_until    DATETIME(3),
    updated_by               VARCHAR(64),
    updated_at               DATETIME(3)
);
INSERT INTO center_settings (id) VALUES (1);

-- A recording under legal hold outlives its retention; one deleted by retention says when.
ALTER TABLE call_record ADD COLUMN legal_hold BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE call_record ADD COLUMN recording_deleted_at DATETIME(3);

-- Who did what with which recording: every link handed out, every playback and download, every hold,
-- release and deletion by retention.
CREATE TABLE recording_access (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    call_id     VARCHAR(36) NOT NULL,
    user_id     BIGINT,
    username    VARCHAR(64) NOT NULL,
    action      VARCHAR(16) NOT NULL,
    remote      VARCHAR(64),
    occurred_at DATETIME(3) NOT NULL
);
CREATE INDEX ix_recording_access_call ON recording_access (call_id, occurred_at);
CREATE INDEX ix_recording_access_at ON recording_access (occurred_at);
