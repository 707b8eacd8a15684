-- After-sales objects that calls link to (F26).
CREATE TABLE customer (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    name       VARCHAR(100) NOT NULL,
    address    VARCHAR(200),
    note       VARCHAR(500),
    created_at DATETIME(3)  NOT NULL,
    updated_at DATETIME(3)  NOT NULL
);
CREATE INDEX ix_customer_name ON customer (name);

CREATE TABLE contact (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    customer_id BIGINT       NOT NULL,
    name        VARCHAR(50)  NOT NULL,
    title       VARCHAR(50),
    email       VARCHAR(100),
    note        VARCHAR(500),
    created_at  DATETIME(3)  NOT NULL,
    updated_at  DATETIME(3)  NOT NULL
);
CREATE INDEX ix_contact_customer ON contact (customer_id);

-- The screen-pop lookup: caller ID normalized to E.164, one unique index, one row per number.
CREATE TABLE contact_phone (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    contact_id BIGINT      NOT NULL,
    e164       VARCHAR(20) NOT NULL,
    kind       VARCHAR(12) NOT NULL,
    region     VARCHAR(50),
    created_at DATETIME(3) NOT NULL,
    CONSTRAINT uk_contact_phone_e164 UNIQUE (e164)
);
CREATE INDEX ix_contact_phone_contact ON contact_phone (contact_id);

CREATE TABLE service_event (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    customer_id BIGINT       NOT NULL,
    contact_id  BIGINT,
    title       VARCHAR(100) NOT NULL,
    description VARCHAR(2000),
    status      VARCHAR(16)  NOT NULL,
    created_by  VARCHAR(50)  NOT NULL,
    created_at  DATETIME(3)  NOT NULL,
    updated_at  DATETIME(3)  NOT NULL
);
CREATE INDEX ix_service_event_customer ON service_event (customer_id, id);

CREATE TABLE work_order (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    customer_id BIGINT       NOT NULL,
    contact_id  BIGINT,
    event_id    BIGINT,
    title       VARCHAR(100) NOT NULL,
    description VARCHAR(2000),
    status      VARCHAR(16)  NOT NULL,
    priority    VARCHAR(8)   NOT NULL,
    assignee_id BIGINT,
    created_by  VARCHAR(50)  NOT NULL,
    created_at  DATETIME(3)  NOT NULL,
    updated_at  DATETIME(3)  NOT NULL
);
CREATE INDEX ix_work_order_customer ON work_order (customer_id, id);
CREATE INDEX ix_work_order_status ON work_order (status, id);
