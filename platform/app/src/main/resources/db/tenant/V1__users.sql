-- One copy of these tables per tenant schema; nothing here names a tenant, the schema does.
CREATE TABLE app_user (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    username      VARCHAR(50)  NOT NULL,
    display_name  VARCHAR(50)  NOT NULL,
    password_hash VARCHAR(100) NOT NULL,
    role          VARCHAR(24)  NOT NULL,
    enabled       BOOLEAN      NOT NULL DEFAULT TRUE,
    mobile        VARCHAR(20),
    external_id   VARCHAR(64),
    created_at    DATETIME(3)  NOT NULL,
    CONSTRAINT uk_app_user_username UNIQUE (username)
);

CREATE TABLE seat_binding (
    id       BIGINT AUTO_INCREMENT PRIMARY KEY,
    seat_id  BIGINT      NOT NULL,
    user_id  BIGINT      NOT NULL,
    bound_by VARCHAR(50) NOT NULL,
    bound_at DATETIME(3) NOT NULL,
    CONSTRAINT uk_seat_binding_seat UNIQUE (seat_id),
    CONSTRAINT uk_seat_binding_user UNIQUE (user_id)
);
