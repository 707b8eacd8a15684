-- The platforms a tenant works in (F25: DingTalk, WeCom, Feishu): its credentials, who is who there,
-- the notices on their way, and the pushes already taken.

-- One row per platform the tenant connected. Non-secret fields as JSON in settings; the secret ones
-- as one AES-GCM ciphertext ("<key id>:<base64>") in secrets, so a key can be rotated row by row.
CREATE TABLE platform_link (
    platform    VARCHAR(16)  NOT NULL PRIMARY KEY,
    enabled     BOOLEAN      NOT NULL,
    settings    TEXT         NOT NULL,
    secrets     TEXT         NOT NULL,
    checked_at  DATETIME(3)  NOT NULL,
    updated_by  VARCHAR(50)  NOT NULL,
    updated_at  DATETIME(3)  NOT NULL,
    version     INT          NOT NULL
);

-- A tenant user as a platform knows them: found at sign-in, made at seat binding from the directory.
CREATE TABLE platform_account (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    platform          VARCHAR(16)  NOT NULL,
    platform_user_id  VARCHAR(64)  NOT NULL,
    user_id           BIGINT       NOT NULL,
    display_name      VARCHAR(64)  NOT NULL,
    linked_at         DATETIME(3)  NOT NULL,
    left_at           DATETIME(3),
    CONSTRAINT uk_platform_account UNIQUE (platform, platform_user_id),
    CONSTRAINT uk_platform_account_user UNIQUE (platform, user_id)
);

-- The outbox of notices (screen pop, missed call, voicemail, callback task). notice_key is the call or
-- task, the kind and the recipient: every node hears every call event, the first insert wins.
CREATE TABLE platform_notice (
    id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
    notice_key           VARCHAR(120) NOT NULL,
    platform             VARCHAR(16)  NOT NULL,
    platform_user_id     VARCHAR(64)  NOT NULL,
    kind                 VARCHAR(16)  NOT NULL,
    subject              VARCHAR(64)  NOT NULL,
    payload              TEXT         NOT NULL,
    status               VARCHAR(12)  NOT NULL,
    attempts             INT          NOT NULL,
    next_attempt_at      DATETIME(3)  NOT NULL,
    claimed_until        DATETIME(3),
    last_error           VARCHAR(500),
    platform_message_id  VARCHAR(100),
    created_at           DATETIME(3)  NOT NULL,
    sent_at              DATETIME(3),
    CONSTRAINT uk_platform_notice UNIQUE (notice_key)
);
CREATE INDEX ix_platform_notice_due ON platform_notice (status, next_attempt_at);

-- Pushes from the platforms already acted on: a replay within the platform's retry window is dropped.
CREATE TABLE platform_event (
    platform     VARCHAR(16)  NOT NULL,
    event_id     VARCHAR(100) NOT NULL,
    received_at  DATETIME(3)  NOT NULL,
    PRIMARY KEY (platform, event_id)
);
