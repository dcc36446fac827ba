-- Notifications waiting to be sent, or sent (an outbox). A message is staged in the transaction
-- that commits what it tells of (a moment's fills and plans, a daily log, a takeover), one row per
-- destination, so it exists exactly when its cause does. The sender takes each destination's rows
-- in seq order, one at a time, and marks each sent once the destination has accepted it: a crash
-- between the two sends that one row again, so a destination sees at most one duplicate per crash.
-- msg_key names the cause (fill:<trade id>, daily-log:<day>, ...): staging it again does nothing.
CREATE TABLE notification_outbox (
    portfolio_id  TEXT     NOT NULL REFERENCES portfolios (id),
    destination   TEXT     NOT NULL,
    msg_key       TEXT     NOT NULL,
    seq           BIGINT   NOT NULL,
    kind          TEXT     NOT NULL,
    silent        INTEGER  NOT NULL,
    subject       TEXT     NOT NULL,
    body          TEXT     NOT NULL,
    created_ms    BIGINT   NOT NULL,
    attempts      INTEGER  NOT NULL,
    next_ms       BIGINT   NOT NULL,
    sent_ms       BIGINT,
    given_up_ms   BIGINT,
    last_error    TEXT,
    PRIMARY KEY (portfolio_id, destination, msg_key)
);
CREATE INDEX notification_outbox_waiting ON notification_outbox (portfolio_id, destination, seq);
