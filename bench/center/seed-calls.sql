-- Loads @ROWS@ ended calls into the (empty) call_record of the current tenant schema, in one
-- INSERT ... SELECT from MariaDB's SEQUENCE engine, and @CONTACTS@ contacts (one mobile each) for
-- the first callers, so that the list's "who is this caller" read finds owners as in a real tenant.
-- bench/center.sh fills in the @NAMES@ (sed) and runs it with `mariadb <schema>`.
--
-- Every value comes from a hash of the row number, so a run loads the same rows as the last one
-- (except for where "now" is):
--   offered_at  uniform over the @DAYS@ × 24 h before @NOW_UTC@ (the server stores UTC)
--   tab         70 % IN_ANSWERED, 15 % IN_MISSED, 10 % OUT_ANSWERED, 5 % OUT_MISSED
--   seat        one of @SEATS@ seats ss2001000ss0001…; a missed inbound call had no agent half the time
--   customer    one of @CALLERS@ mobile numbers (133/135/136/137/138/139/186 + 8 digits, national form
--               as carriers send it), caller c → number(c) below, a bijection: no two callers share one
--   id          a UUID-shaped string from MD5(row): random order, unrelated to offered_at, as
--               UUID.randomUUID() gives the app (so the list's primary-key reads are as scattered)
-- The empty table with unique_checks = foreign_key_checks = 0 in one transaction lets MariaDB ≥ 10.6
-- load it in bulk: every index built by sorting, one undo record (MDEV-515, MDEV-24621).

SET SESSION unique_checks = 0;
SET SESSION foreign_key_checks = 0;
START TRANSACTION;
INSERT INTO call_record (id, direction, customer_number, dialled_number, trunk_number_id, trunk_number, seat, state,
    offered_at, ringing_at, answered_at, ended_at, ended_by, end_reason, sip_status, recording, node, display_number,
    billed_minutes, rate_fen, cost_fen, tab)
SELECT
    CONCAT_WS('-', SUBSTR(h, 1, 8), SUBSTR(h, 9, 4), CONCAT('4', SUBSTR(h, 14, 3)),
        CONCAT(SUBSTR('89ab', 1 + CONV(SUBSTR(h, 17, 1), 16, 10) MOD 4, 1), SUBSTR(h, 18, 3)), SUBSTR(h, 21, 12)) AS id,
    IF(tab LIKE 'IN%', 'INBOUND', 'OUTBOUND') AS direction,
    number AS customer_number,
    IF(tab LIKE 'IN%', IF(n MOD 2 = 0, '4008001234', '+861062345678'), number) AS dialled_number,
    IF(tab LIKE 'IN%', @TRUNK_ID@, NULL) AS trunk_number_id,
    IF(tab LIKE 'IN%', '+861062345678', NULL) AS trunk_number,
    IF(tab = 'IN_MISSED' AND r_seat MOD 2 = 0, NULL, CONCAT('ss2001000ss', LPAD(1 + r_seat MOD @SEATS@, 4, '0'))) AS seat,
    'ENDED' AS state,
    offered AS offered_at,
    IF(tab = 'IN_MISSED' AND r_seat MOD 2 = 0, NULL, offered + INTERVAL 1 SECOND) AS ringing_at,
    IF(tab LIKE '%ANSWERED', offered + INTERVAL wait SECOND, NULL) AS answered_at,
    IF(tab LIKE '%ANSWERED', offered + INTERVAL (wait + talk) SECOND, offered + INTERVAL (5 + talk MOD 55) SECOND) AS ended_at,
    IF(r_end MOD 3 = 0, 'AGENT', 'CUSTOMER') AS ended_by,
    CASE tab
        WHEN 'IN_ANSWERED' THEN IF(r_end MOD 3 = 0, 'agent-hangup', 'customer-hangup')
        WHEN 'OUT_ANSWERED' THEN IF(r_end MOD 3 = 0, 'agent-hangup', 'customer-hangup')
        WHEN 'IN_MISSED' THEN ELT(1 + r_end MOD 5, 'abandoned', 'abandoned', 'max-wait', 'all-busy', 'no-agent')
        ELSE ELT(1 + r_end MOD 4, 'no-answer', 'busy', 'rejected', 'cancelled')
    END AS end_reason,
    IF(tab = 'OUT_MISSED', ELT(1 + r_end MOD 4, 480, 486, 603, 487), NULL) AS sip_status,
    IF(tab LIKE '%ANSWERED', CONCAT('2001000/', DATE_FORMAT(offered, '%Y-%m-%d'), '/', SUBSTR(h, 1, 8), '.wav'), NULL) AS recording,
    'bench-center' AS node,
    IF(tab LIKE 'OUT%', '+862158889999', NULL) AS display_number,
    IF(tab LIKE '%ANSWERED', CEIL(talk / 60), 0) AS billed_minutes,
    IF(tab LIKE '%ANSWERED', IF(tab LIKE 'IN%', 6, 10), NULL) AS rate_fen,
    IF(tab LIKE '%ANSWERED', CEIL(talk / 60) * IF(tab LIKE 'IN%', 6, 10), 0) AS cost_fen,
    tab
FROM (
    SELECT n, h, tab, r_seat, r_end, wait, talk, offered,
        CONCAT(ELT(1 + caller MOD 7, '133', '135', '136', '137', '138', '139', '186'),
            LPAD((caller * 7919 + 12345678) MOD 100000000, 8, '0')) AS number
    FROM (
        SELECT seq AS n,
            MD5(CONCAT('calldesk-bench-center:', seq)) AS h,
            CASE WHEN CRC32(CONCAT(seq, 't')) MOD 100 < 70 THEN 'IN_ANSWERED'
                 WHEN CRC32(CONCAT(seq, 't')) MOD 100 < 85 THEN 'IN_MISSED'
                 WHEN CRC32(CONCAT(seq, 't')) MOD 100 < 95 THEN 'OUT_ANSWERED'
                 ELSE 'OUT_MISSED' END AS tab,
            CRC32(CONCAT(seq, 'c')) MOD @CALLERS@ AS caller,
            CRC32(CONCAT(seq, 's')) AS r_seat,
            CRC32(CONCAT(seq, 'e')) AS r_end,
            2 + CRC32(CONCAT(seq, 'w')) MOD 28 AS wait,
            15 + CRC32(CONCAT(seq, 'l')) MOD 586 AS talk,
            TIMESTAMP('@NOW_UTC@') - INTERVAL (CRC32(CONCAT(seq, 'o')) MOD (@DAYS@ * 86400)) SECOND
                - INTERVAL (seq MOD 1000) * 1000 MICROSECOND AS offered
        FROM seq_0_to_@LAST_ROW@
    ) g
) c;
COMMIT;

-- Customers (one per two contacts) and contacts with the callers 0 … @CONTACTS@-1 as their mobiles (E.164).
START TRANSACTION;
INSERT INTO customer (id, name, created_at, updated_at)
SELECT 1 + seq, CONCAT('客户', 1 + seq), TIMESTAMP('@NOW_UTC@'), TIMESTAMP('@NOW_UTC@')
FROM seq_0_to_@LAST_CUSTOMER@;
INSERT INTO contact (id, customer_id, name, created_at, updated_at)
SELECT 1 + seq, 1 + seq DIV 2, CONCAT('联系人', 1 + seq), TIMESTAMP('@NOW_UTC@'), TIMESTAMP('@NOW_UTC@')
FROM seq_0_to_@LAST_CONTACT@;
INSERT INTO contact_phone (id, contact_id, e164, kind, region, created_at)
SELECT 1 + seq, 1 + seq,
    CONCAT('+86', ELT(1 + seq MOD 7, '133', '135', '136', '137', '138', '139', '186'),
        LPAD((seq * 7919 + 12345678) MOD 100000000, 8, '0')),
    'MOBILE', NULL, TIMESTAMP('@NOW_UTC@')
FROM seq_0_to_@LAST_CONTACT@;
COMMIT;
