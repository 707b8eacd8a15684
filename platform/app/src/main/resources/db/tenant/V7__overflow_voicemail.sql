-- Phone rules (F11), second part: what happens to a call that cannot be answered, per situation —
-- the situation's message and the end (MESSAGE, as before), voicemail, or a forward to a mobile (F14).
CREATE TABLE overflow_action (
    situation  VARCHAR(12) PRIMARY KEY,
    action     VARCHAR(10) NOT NULL DEFAULT 'MESSAGE',
    forward_to VARCHAR(20)
);
INSERT INTO overflow_action (situation) VALUES ('CLOSED');
INSERT INTO overflow_action (situation) VALUES ('ALL_BUSY');
INSERT INTO overflow_action (situation) VALUES ('NO_AGENT');
INSERT INTO overflow_action (situation) VALUES ('MAX_WAIT');

ALTER TABLE phone_rules ADD COLUMN voicemail_max_s INT NOT NULL DEFAULT 120;

-- Messages callers left: the mono WAV beside the call's recording, how long, why the call went to
-- voicemail and how the message ended; who listened first.
CREATE TABLE voicemail (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    call_id         VARCHAR(36)  NOT NULL,
    customer_number VARCHAR(40),
    dialled_number  VARCHAR(40),
    situation       VARCHAR(20)  NOT NULL,
    ended_by        VARCHAR(10)  NOT NULL,
    recorded_at     DATETIME(3)  NOT NULL,
    duration_ms     INT          NOT NULL,
    file            VARCHAR(300) NOT NULL,
    heard_by        VARCHAR(64),
    heard_at        DATETIME(3)
);
CREATE INDEX ix_voicemail_recorded ON voicemail (recorded_at);
CREATE INDEX ix_voicemail_call ON voicemail (call_id);

-- A call forwarded to a mobile keeps the number it went on to; the forwarded minutes are billed.
ALTER TABLE call_record ADD COLUMN forwarded_to VARCHAR(20);
