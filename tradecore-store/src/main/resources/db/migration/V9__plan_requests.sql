-- A trader's requests to open, adjust or close a plan by hand (tradecore plan ..., the REST API): a
-- durable inbox. The command or the API writes a row PENDING; the runner that holds the
-- portfolio's lease applies it on its next loop turn and, in the same transaction that commits
-- what it did (the plan, its orders, the runner's plan sequence), marks it ACCEPTED (with the plan
-- it opened or changed) or REFUSED (with the reason), so each request is applied exactly once, even
-- across a crash. Quantities and prices are exact decimals as text; NULL means not given.
CREATE TABLE plan_requests (
    request_id    TEXT     NOT NULL PRIMARY KEY,
    portfolio_id  TEXT     NOT NULL REFERENCES portfolios (id),
    kind          TEXT     NOT NULL,
    symbol        TEXT,
    side          TEXT,
    quantity      TEXT,
    stop_price    TEXT,
    target_price  TEXT,
    plan_id       TEXT,
    origin        TEXT     NOT NULL,
    created_ms    BIGINT   NOT NULL,
    status        TEXT     NOT NULL,
    result_plan   TEXT,
    reason        TEXT,
    applied_ms    BIGINT,
    applied_by    TEXT
);
CREATE INDEX plan_requests_waiting ON plan_requests (portfolio_id, status, created_ms);
