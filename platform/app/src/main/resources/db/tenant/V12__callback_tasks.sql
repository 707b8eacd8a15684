-- Nothing missed (B2): every missed inbound call, abandoned queue call and voicemail becomes a callback
-- task with an owner and a deadline. open_key is caller|day while the task is open and NULL once it is
-- done, so the unique index allows one open task per caller per day (a repeat call folds into it) and
-- any number of done ones. version lets two people closing one task at once find out who won.
CREATE TABLE callback_task (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    caller            VARCHAR(40)  NOT NULL,
    task_day          DATE         NOT NULL,
    source            VARCHAR(12)  NOT NULL,
    first_call_id     VARCHAR(36)  NOT NULL,
    last_call_id      VARCHAR(36)  NOT NULL,
    missed_calls      INT          NOT NULL DEFAULT 1,
    owner_seat        VARCHAR(40),
    owner_user_id     BIGINT,
    owner_reason      VARCHAR(12)  NOT NULL,
    status            VARCHAR(8)   NOT NULL,
    due_at            DATETIME(3)  NOT NULL,
    created_at        DATETIME(3)  NOT NULL,
    updated_at        DATETIME(3)  NOT NULL,
    attempts          INT          NOT NULL DEFAULT 0,
    closed_at         DATETIME(3),
    closed_by         VARCHAR(64),
    outcome           VARCHAR(20),
    outcome_note      VARCHAR(500),
    closing_call_id   VARCHAR(36),
    open_key          VARCHAR(60),
    version           INT          NOT NULL DEFAULT 0,
    CONSTRAINT uk_callback_task_open UNIQUE (open_key)
);
CREATE INDEX ix_callback_task_owner ON callback_task (owner_user_id, status, due_at);
CREATE INDEX ix_callback_task_status ON callback_task (status, due_at);
CREATE INDEX ix_callback_task_caller ON callback_task (caller, status);
CREATE INDEX ix_callback_task_call ON callback_task (last_call_id);

-- Every try to reach the caller: the outbound call and how it ended, or an outcome written by hand.
CREATE TABLE callback_attempt (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    task_id     BIGINT       NOT NULL,
    call_id     VARCHAR(36),
    outcome     VARCHAR(20)  NOT NULL,
    note        VARCHAR(500),
    by_user     VARCHAR(64)  NOT NULL,
    occurred_at DATETIME(3)  NOT NULL
);
CREATE INDEX ix_callback_attempt_task ON callback_attempt (task_id, id);

-- Round robin among the agents: the seat that got the last task without a sticky owner.
CREATE TABLE callback_rotation (
    id        INT PRIMARY KEY,
    last_seat VARCHAR(40)
);
INSERT INTO callback_rotation (id) VALUES (1);

-- Every missed call names the task it opened or folded into, so the missed list shows each call's task.
ALTER TABLE call_record ADD COLUMN callback_task_id BIGINT;
