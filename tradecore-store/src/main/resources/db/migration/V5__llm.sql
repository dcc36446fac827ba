-- Language-model decisions (the LLM strategy). Same conventions as V1: decimals are TEXT, times
-- epoch milliseconds, days ISO dates in the portfolio's time zone.
--
-- llm_traces: one row per question to the model (a call, or a hold because of the spending cap
-- or a missing recording): what was sent and answered, tokens, cost, latency and outcome.
CREATE TABLE llm_traces (
    trace_id        TEXT    NOT NULL PRIMARY KEY,
    portfolio_id    TEXT    NOT NULL REFERENCES portfolios (id),
    run_id          TEXT    NOT NULL,
    bot_version     TEXT    NOT NULL,
    moment_ms       BIGINT  NOT NULL,
    day             TEXT    NOT NULL,
    request_hash    TEXT    NOT NULL,
    mode            TEXT    NOT NULL,
    model           TEXT    NOT NULL,
    reported_model  TEXT,
    system_prompt   TEXT    NOT NULL,
    user_prompt     TEXT    NOT NULL,
    response        TEXT,
    input_tokens    BIGINT,
    output_tokens   BIGINT,
    cost            TEXT    NOT NULL,
    latency_ms      BIGINT  NOT NULL,
    attempts        INTEGER NOT NULL,
    outcome         TEXT    NOT NULL,
    reason          TEXT    NOT NULL,
    decisions       TEXT    NOT NULL,
    recorded_ms     BIGINT  NOT NULL
);
CREATE INDEX llm_traces_by_moment ON llm_traces (portfolio_id, moment_ms);
CREATE INDEX llm_traces_by_day ON llm_traces (portfolio_id, day);

-- llm_spend: what the traces cost, summed per portfolio, trading day and bot_version; the
-- spending cap resumes from it and the portfolio's other costs include it.
CREATE TABLE llm_spend (
    portfolio_id    TEXT    NOT NULL REFERENCES portfolios (id),
    day             TEXT    NOT NULL,
    bot_version     TEXT    NOT NULL,
    calls           BIGINT  NOT NULL,
    input_tokens    BIGINT  NOT NULL,
    output_tokens   BIGINT  NOT NULL,
    cost            TEXT    NOT NULL,
    PRIMARY KEY (portfolio_id, day, bot_version)
);
