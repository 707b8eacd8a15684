-- Call records (CDR): one per call, written when the call is offered and closed when it ends, with its legs.
CREATE TABLE call_record (
    id              VARCHAR(36)  PRIMARY KEY,
    direction       VARCHAR(10)  NOT NULL,
    customer_number VARCHAR(40),
    dialled_number  VARCHAR(40),
    trunk_number_id BIGINT,
    trunk_number    VARCHAR(20),
    seat            VARCHAR(40),
    state           VARCHAR(10)  NOT NULL,
    offered_at      DATETIME(3)  NOT NULL,
    ringing_at      DATETIME(3),
    answered_at     DATETIME(3),
    ended_at        DATETIME(3),
    ended_by        VARCHAR(10),
    end_reason      VARCHAR(40),
    sip_status      INT,
    recording       VARCHAR(300),
    node            VARCHAR(64)  NOT NULL
);
CREATE INDEX ix_call_record_offered ON call_record (offered_at);
CREATE INDEX ix_call_record_customer ON call_record (customer_number, offered_at);
CREATE INDEX ix_call_record_open ON call_record (node, ended_at);

CREATE TABLE call_leg (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    call_id     VARCHAR(36) NOT NULL,
    kind        VARCHAR(10) NOT NULL,
    party       VARCHAR(40),
    started_at  DATETIME(3) NOT NULL,
    answered_at DATETIME(3),
    ended_at    DATETIME(3)
);
CREATE INDEX ix_call_leg_call ON call_leg (call_id);
