-- Phone rules (F11), first part: when the call center is open. Off until a tenant turns it on, so a
-- new tenant takes calls around the clock as before.
CREATE TABLE phone_rules (
    id          INT         PRIMARY KEY,
    enabled     BOOLEAN     NOT NULL DEFAULT FALSE,
    open_days   VARCHAR(20) NOT NULL DEFAULT '1,2,3,4,5',
    open_from   VARCHAR(5)  NOT NULL DEFAULT '09:00',
    open_until  VARCHAR(5)  NOT NULL DEFAULT '18:00',
    updated_by  VARCHAR(64),
    updated_at  DATETIME(3)
);
INSERT INTO phone_rules (id) VALUES (1);

-- Days that break the weekly pattern: HOLIDAY (closed on a working day, e.g. 国庆节) and WORKDAY
-- (open on a weekend: the make-up working days, 调休).
CREATE TABLE phone_rule_day (
    rule_date DATE        PRIMARY KEY,
    kind  VARCHAR(10) NOT NULL,
    note  VARCHAR(50)
);
