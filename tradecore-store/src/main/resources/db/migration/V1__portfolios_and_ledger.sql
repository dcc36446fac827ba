-- TradeCore schema, version 1. Runs unchanged on SQLite and PostgreSQL:
-- exact decimals are TEXT (SQLite would turn NUMERIC into floating point), times are epoch
-- milliseconds (BIGINT), days are ISO dates (TEXT, yyyy-mm-dd) in the portfolio's time zone.

CREATE TABLE portfolios (
    id              TEXT    NOT NULL PRIMARY KEY,
    name            TEXT    NOT NULL UNIQUE,
    base_currency   TEXT    NOT NULL,
    time_zone       TEXT    NOT NULL,
    calendar        TEXT    NOT NULL,
    starting_cash   TEXT    NOT NULL,
    settings        TEXT    NOT NULL,
    created_ms      BIGINT  NOT NULL
);

CREATE TABLE runs (
    run_id          TEXT    NOT NULL PRIMARY KEY,
    portfolio_id    TEXT    NOT NULL REFERENCES portfolios (id),
    bot_version     TEXT    NOT NULL,
    mode            TEXT    NOT NULL,
    strategy        TEXT,
    params          TEXT,
    host            TEXT    NOT NULL,
    pid             BIGINT  NOT NULL,
    started_ms      BIGINT  NOT NULL,
    ended_ms        BIGINT,
    end_reason      TEXT
);
CREATE INDEX runs_by_portfolio ON runs (portfolio_id, started_ms);

CREATE TABLE instruments (
    symbol          TEXT    NOT NULL PRIMARY KEY,
    currency        TEXT    NOT NULL,
    price_scale     INTEGER NOT NULL,
    quantity_scale  INTEGER NOT NULL
);

CREATE TABLE orders (
    portfolio_id    TEXT    NOT NULL REFERENCES portfolios (id),
    client_order_id TEXT    NOT NULL,
    plan_id         TEXT,
    run_id          TEXT,
    role            TEXT    NOT NULL,
    exit_reason     TEXT,
    symbol          TEXT    NOT NULL REFERENCES instruments (symbol),
    side            TEXT    NOT NULL,
    order_type      TEXT    NOT NULL,
    quantity        TEXT,
    quote_amount    TEXT,
    limit_price     TEXT,
    stop_price      TEXT,
    time_in_force   TEXT    NOT NULL,
    status          TEXT    NOT NULL,
    bot_version     TEXT    NOT NULL,
    created_ms      BIGINT  NOT NULL,
    updated_ms      BIGINT  NOT NULL,
    PRIMARY KEY (portfolio_id, client_order_id)
);
CREATE INDEX orders_by_status ON orders (portfolio_id, status);

CREATE TABLE fills (
    portfolio_id    TEXT    NOT NULL REFERENCES portfolios (id),
    trade_id        TEXT    NOT NULL,
    seq             BIGINT  NOT NULL,
    client_order_id TEXT    NOT NULL,
    plan_id         TEXT,
    run_id          TEXT,
    symbol          TEXT    NOT NULL REFERENCES instruments (symbol),
    side            TEXT    NOT NULL,
    quantity        TEXT    NOT NULL,
    price           TEXT    NOT NULL,
    fee             TEXT    NOT NULL,
    time_ms         BIGINT  NOT NULL,
    bot_version     TEXT    NOT NULL,
    source          TEXT    NOT NULL,
    PRIMARY KEY (portfolio_id, trade_id),
    UNIQUE (portfolio_id, seq)
);
CREATE INDEX fills_by_time ON fills (portfolio_id, time_ms);

CREATE TABLE plans (
    portfolio_id    TEXT    NOT NULL REFERENCES portfolios (id),
    plan_id         TEXT    NOT NULL,
    run_id          TEXT,
    symbol          TEXT    NOT NULL REFERENCES instruments (symbol),
    side            TEXT    NOT NULL,
    sizing          TEXT    NOT NULL,
    entry_limit     BIGINT  NOT NULL,
    stop_price      BIGINT  NOT NULL,
    target_price    BIGINT  NOT NULL,
    trail_distance  BIGINT  NOT NULL,
    trail_stop      BIGINT  NOT NULL,
    time_in_force   TEXT    NOT NULL,
    status          TEXT    NOT NULL,
    filled          TEXT    NOT NULL,
    exited          TEXT    NOT NULL,
    exit_reason     TEXT,
    bot_version     TEXT    NOT NULL,
    created_ms      BIGINT  NOT NULL,
    updated_ms      BIGINT  NOT NULL,
    PRIMARY KEY (portfolio_id, plan_id)
);
CREATE INDEX plans_by_status ON plans (portfolio_id, status);

CREATE TABLE plan_changes (
    portfolio_id    TEXT    NOT NULL REFERENCES portfolios (id),
    plan_id         TEXT    NOT NULL,
    seq             BIGINT  NOT NULL,
    run_id          TEXT,
    time_ms         BIGINT  NOT NULL,
    status          TEXT    NOT NULL,
    stop_price      BIGINT  NOT NULL,
    target_price    BIGINT  NOT NULL,
    trail_stop      BIGINT  NOT NULL,
    reason          TEXT    NOT NULL,
    PRIMARY KEY (portfolio_id, plan_id, seq)
);

CREATE TABLE portfolio_stats (
    portfolio_id    TEXT    NOT NULL PRIMARY KEY REFERENCES portfolios (id),
    cash            TEXT    NOT NULL,
    realized_pnl    TEXT    NOT NULL,
    fees            TEXT    NOT NULL,
    fill_count      BIGINT  NOT NULL,
    positions       TEXT    NOT NULL,
    updated_ms      BIGINT  NOT NULL
);

CREATE TABLE equity_snapshots (
    portfolio_id    TEXT    NOT NULL REFERENCES portfolios (id),
    day             TEXT    NOT NULL,
    kind            TEXT    NOT NULL,
    time_ms         BIGINT  NOT NULL,
    equity          TEXT    NOT NULL,
    cash            TEXT    NOT NULL,
    realized_pnl    TEXT    NOT NULL,
    fees            TEXT    NOT NULL,
    gross_exposure  TEXT    NOT NULL,
    fill_count      BIGINT  NOT NULL,
    positions       TEXT    NOT NULL,
    open_plans      TEXT    NOT NULL,
    PRIMARY KEY (portfolio_id, day, kind)
);

CREATE TABLE portfolio_days (
    portfolio_id    TEXT    NOT NULL REFERENCES portfolios (id),
    day             TEXT    NOT NULL,
    open_equity     TEXT    NOT NULL,
    close_equity    TEXT    NOT NULL,
    pnl             TEXT    NOT NULL,
    return_ratio    TEXT    NOT NULL,
    realized_pnl    TEXT    NOT NULL,
    fees            TEXT    NOT NULL,
    fills           BIGINT  NOT NULL,
    open_positions  INTEGER NOT NULL,
    open_plans      INTEGER NOT NULL,
    PRIMARY KEY (portfolio_id, day)
);

CREATE TABLE telemetry_events (
    id              TEXT    NOT NULL PRIMARY KEY,
    portfolio_id    TEXT,
    run_id          TEXT,
    time_ms         BIGINT  NOT NULL,
    day             TEXT,
    level           TEXT    NOT NULL,
    kind            TEXT    NOT NULL,
    message         TEXT    NOT NULL
);
CREATE INDEX telemetry_by_day ON telemetry_events (portfolio_id, day, level);

CREATE TABLE risk_refusals (
    portfolio_id    TEXT    NOT NULL REFERENCES portfolios (id),
    client_order_id TEXT    NOT NULL,
    run_id          TEXT,
    time_ms         BIGINT  NOT NULL,
    symbol          TEXT    NOT NULL,
    cap             TEXT    NOT NULL,
    limit_value     TEXT    NOT NULL,
    would_be        TEXT    NOT NULL,
    message         TEXT    NOT NULL,
    PRIMARY KEY (portfolio_id, client_order_id)
);

CREATE TABLE bars (
    symbol          TEXT    NOT NULL REFERENCES instruments (symbol),
    time_ms         BIGINT  NOT NULL,
    open_price      BIGINT  NOT NULL,
    high_price      BIGINT  NOT NULL,
    low_price       BIGINT  NOT NULL,
    close_price     BIGINT  NOT NULL,
    volume          TEXT    NOT NULL,
    PRIMARY KEY (symbol, time_ms)
);

CREATE TABLE leases (
    portfolio_id    TEXT    NOT NULL PRIMARY KEY REFERENCES portfolios (id),
    run_id          TEXT    NOT NULL,
    host            TEXT    NOT NULL,
    pid             BIGINT  NOT NULL,
    acquired_ms     BIGINT  NOT NULL,
    heartbeat_ms    BIGINT  NOT NULL,
    expires_ms      BIGINT  NOT NULL
);

CREATE TABLE feed_positions (
    portfolio_id    TEXT    NOT NULL REFERENCES portfolios (id),
    feed            TEXT    NOT NULL,
    position        BIGINT  NOT NULL,
    last_time_ms    BIGINT  NOT NULL,
    PRIMARY KEY (portfolio_id, feed)
);

CREATE TABLE engine_state (
    portfolio_id    TEXT    NOT NULL PRIMARY KEY REFERENCES portfolios (id),
    next_plan_seq   BIGINT  NOT NULL,
    day             TEXT,
    overnight       TEXT,
    marks           TEXT
);

-- The paper exchange: a counterparty with its own state, apart from the ledger above.
CREATE TABLE paper_accounts (
    account_id      TEXT    NOT NULL PRIMARY KEY,
    trade_seq       BIGINT  NOT NULL,
    cash            TEXT    NOT NULL
);

CREATE TABLE paper_orders (
    account_id      TEXT    NOT NULL REFERENCES paper_accounts (account_id),
    client_order_id TEXT    NOT NULL,
    body            TEXT    NOT NULL,
    status          TEXT    NOT NULL,
    remaining       TEXT,
    remaining_quote TEXT,
    triggered       INTEGER NOT NULL,
    last_matched_ms BIGINT,
    first_day       TEXT,
    arrival_seq     BIGINT  NOT NULL,
    updated_ms      BIGINT  NOT NULL,
    PRIMARY KEY (account_id, client_order_id)
);

CREATE TABLE paper_fills (
    account_id      TEXT    NOT NULL REFERENCES paper_accounts (account_id),
    trade_id        TEXT    NOT NULL,
    seq             BIGINT  NOT NULL,
    client_order_id TEXT    NOT NULL,
    body            TEXT    NOT NULL,
    time_ms         BIGINT  NOT NULL,
    PRIMARY KEY (account_id, trade_id),
    UNIQUE (account_id, seq)
);
