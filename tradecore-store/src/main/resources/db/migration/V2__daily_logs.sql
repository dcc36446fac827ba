-- The daily performance log: one row per portfolio and trading day. Generated columns are
-- rewritten when a day is regenerated; the person's sections (market_context, lessons, focus,
-- notes) are only ever changed by a person.

CREATE TABLE daily_logs (
    portfolio_id    TEXT    NOT NULL REFERENCES portfolios (id),
    day             TEXT    NOT NULL,
    account_value   TEXT    NOT NULL,
    daily_pnl       TEXT    NOT NULL,
    daily_return    TEXT    NOT NULL,
    total_pnl       TEXT    NOT NULL,
    tier            TEXT    NOT NULL,
    trades          BIGINT  NOT NULL,
    signals         BIGINT  NOT NULL,
    warnings        BIGINT  NOT NULL,
    errors          BIGINT  NOT NULL,
    market_status   TEXT    NOT NULL,
    observations    TEXT    NOT NULL,
    market_context  TEXT    NOT NULL DEFAULT '',
    lessons         TEXT    NOT NULL DEFAULT '',
    focus           TEXT    NOT NULL DEFAULT '',
    notes           TEXT    NOT NULL DEFAULT '',
    generated_ms    BIGINT  NOT NULL,
    PRIMARY KEY (portfolio_id, day)
);
