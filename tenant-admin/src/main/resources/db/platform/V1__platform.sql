-- The shared platform schema: who the tenants are and what they bought.
-- Every table that names a tenant carries tenant_id; numbers and SIP accounts are unique across tenants.

CREATE TABLE staff (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    username      VARCHAR(50)  NOT NULL,
    display_name  VARCHAR(50)  NOT NULL,
    password_hash VARCHAR(100) NOT NULL,
    role          VARCHAR(32)  NOT NULL,
    enabled       BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at    DATETIME(3)  NOT NULL,
    CONSTRAINT uk_staff_username UNIQUE (username)
);

CREATE TABLE tenant_application (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    company_name   VARCHAR(100) NOT NULL,
    contact_name   VARCHAR(50)  NOT NULL,
    contact_phone  VARCHAR(20)  NOT NULL,
    contact_email  VARCHAR(100),
    seats_wanted   INT          NOT NULL DEFAULT 1,
    note           VARCHAR(500),
    status         VARCHAR(16)  NOT NULL,
    reject_reason  VARCHAR(200),
    last_error     VARCHAR(500),
    tenant_id      BIGINT,
    decided_by     VARCHAR(50),
    decided_at     DATETIME(3),
    created_at     DATETIME(3)  NOT NULL
);
CREATE INDEX ix_application_status ON tenant_application (status, created_at);

CREATE TABLE tenant (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    code              VARCHAR(12)  NOT NULL,
    name              VARCHAR(100) NOT NULL,
    schema_name       VARCHAR(64)  NOT NULL,
    status            VARCHAR(16)  NOT NULL,
    callback_enabled  BOOLEAN      NOT NULL DEFAULT FALSE,
    balance_fen       BIGINT       NOT NULL DEFAULT 0,
    outbound_rate_fen INT          NOT NULL DEFAULT 0,
    forward_rate_fen  INT          NOT NULL DEFAULT 0,
    created_at        DATETIME(3)  NOT NULL,
    CONSTRAINT uk_tenant_code UNIQUE (code),
    CONSTRAINT uk_tenant_schema UNIQUE (schema_name)
);

CREATE TABLE gateway (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    tenant_id     BIGINT,
    name          VARCHAR(50)  NOT NULL,
    host          VARCHAR(100) NOT NULL,
    port          INT          NOT NULL DEFAULT 5060,
    transport     VARCHAR(8)   NOT NULL DEFAULT 'UDP',
    auth_mode     VARCHAR(16)  NOT NULL,
    username      VARCHAR(64),
    password      VARCHAR(128),
    channel_limit INT          NOT NULL DEFAULT 30,
    created_at    DATETIME(3)  NOT NULL
);
CREATE INDEX ix_gateway_tenant ON gateway (tenant_id);

CREATE TABLE trunk_number (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    tenant_id      BIGINT      NOT NULL,
    number         VARCHAR(20) NOT NULL,
    service_number VARCHAR(20),
    channel_limit  INT         NOT NULL DEFAULT 5,
    gateway_id     BIGINT,
    created_at     DATETIME(3) NOT NULL,
    CONSTRAINT uk_trunk_number UNIQUE (number)
);
CREATE INDEX ix_trunk_number_tenant ON trunk_number (tenant_id);

CREATE TABLE seat (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    tenant_id           BIGINT      NOT NULL,
    seat_no             INT         NOT NULL,
    sip_username        VARCHAR(40) NOT NULL,
    realm               VARCHAR(64) NOT NULL,
    ha1                 CHAR(32)    NOT NULL,
    password_changed_at DATETIME(3) NOT NULL,
    created_at          DATETIME(3) NOT NULL,
    CONSTRAINT uk_seat_sip_username UNIQUE (sip_username),
    CONSTRAINT uk_seat_tenant_no UNIQUE (tenant_id, seat_no)
);

CREATE TABLE display_number (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    tenant_id     BIGINT      NOT NULL,
    number        VARCHAR(20) NOT NULL,
    region_zh     VARCHAR(50),
    region_en     VARCHAR(50),
    channel_limit INT         NOT NULL DEFAULT 3,
    created_at    DATETIME(3) NOT NULL,
    CONSTRAINT uk_display_number UNIQUE (number)
);
CREATE INDEX ix_display_number_tenant ON display_number (tenant_id);

CREATE TABLE balance_entry (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    tenant_id         BIGINT       NOT NULL,
    kind              VARCHAR(16)  NOT NULL,
    amount_fen        BIGINT       NOT NULL,
    balance_after_fen BIGINT       NOT NULL,
    reference         VARCHAR(100),
    created_by        VARCHAR(50)  NOT NULL,
    created_at        DATETIME(3)  NOT NULL
);
CREATE INDEX ix_balance_entry_tenant ON balance_entry (tenant_id, id);

CREATE TABLE device_order (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    tenant_id  BIGINT       NOT NULL,
    kind       VARCHAR(16)  NOT NULL,
    model      VARCHAR(100) NOT NULL,
    quantity   INT          NOT NULL,
    note       VARCHAR(200),
    created_by VARCHAR(50)  NOT NULL,
    created_at DATETIME(3)  NOT NULL
);

CREATE TABLE order_line (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    tenant_id  BIGINT       NOT NULL,
    kind       VARCHAR(24)  NOT NULL,
    detail     VARCHAR(300) NOT NULL,
    created_by VARCHAR(50)  NOT NULL,
    created_at DATETIME(3)  NOT NULL
);
CREATE INDEX ix_order_line_tenant ON order_line (tenant_id, id);
