-- Runners standing by for a portfolio (run --standby): each waits while another runner holds the
-- portfolio's lease and takes it over when the lease lapses. A row says who waits and since when;
-- its heartbeat shows it is still there (rows of standbys that died without a word go stale and
-- are not shown).
CREATE TABLE standbys (
    portfolio_id  TEXT    NOT NULL REFERENCES portfolios (id),
    host          TEXT    NOT NULL,
    pid           BIGINT  NOT NULL,
    since_ms      BIGINT  NOT NULL,
    heartbeat_ms  BIGINT  NOT NULL,
    PRIMARY KEY (portfolio_id, host, pid)
);
