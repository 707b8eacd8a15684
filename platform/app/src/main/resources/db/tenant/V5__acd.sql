-- ACD (F7, F8): the tenant's queue settings, every agent status/state change, and every step of every
-- inbound call through the queue; all metrics are derived from the two journals.
CREATE TABLE acd_settings (
    id                 INT          PRIMARY KEY,
    strategy           VARCHAR(20)  NOT NULL DEFAULT 'LONGEST_IDLE',
    sticky_agent       BOOLEAN      NOT NULL DEFAULT TRUE,
    ring_timeout_s     INT          NOT NULL DEFAULT 20,
    wrap_up_s          INT          NOT NULL DEFAULT 15,
    no_answer_limit    INT          NOT NULL DEFAULT 3,
    no_answer_delay_s  INT          NOT NULL DEFAULT 5,
    max_wait_s         INT          NOT NULL DEFAULT 60,
    max_queue          INT          NOT NULL DEFAULT 50,
    updated_by         VARCHAR(64),
    updated_at         DATETIME(3)
);
INSERT INTO acd_settings (id) VALUES (1);

CREATE TABLE agent_state_log (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    seat        VARCHAR(40) NOT NULL,
    status      VARCHAR(10) NOT NULL,
    state       VARCHAR(10) NOT NULL,
    call_id     VARCHAR(36),
    reason      VARCHAR(40),
    occurred_at DATETIME(3) NOT NULL
);
CREATE INDEX ix_agent_state_log_seat ON agent_state_log (seat, occurred_at);
CREATE INDEX ix_agent_state_log_at ON agent_state_log (occurred_at);

CREATE TABLE call_event (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    call_id     VARCHAR(36) NOT NULL,
    kind        VARCHAR(20) NOT NULL,
    seat        VARCHAR(40),
    detail      VARCHAR(100),
    occurred_at DATETIME(3) NOT NULL
);
CREATE INDEX ix_call_event_call ON call_event (call_id);
CREATE INDEX ix_call_event_at ON call_event (occurred_at);
