-- TradeCore schema, version 3: the engine's ports. Runs unchanged on SQLite and PostgreSQL.

-- Instruments carry the venue they trade on and its tick and lot sizes (in price and quantity
-- units); instruments known only from market data trade anywhere with steps of one unit.
ALTER TABLE instruments ADD COLUMN venue TEXT NOT NULL DEFAULT 'any';
ALTER TABLE instruments ADD COLUMN tick_size BIGINT NOT NULL DEFAULT 1;
ALTER TABLE instruments ADD COLUMN lot_size BIGINT NOT NULL DEFAULT 1;

-- Where a portfolio's resync continues from in its venue's fills (the venue's own cursor).
ALTER TABLE engine_state ADD COLUMN venue_cursor TEXT;

-- The venue's own id of an order, once it has said it took it.
ALTER TABLE orders ADD COLUMN venue_order_id TEXT;

-- Each moment's decision of a portfolio's strategy: its actions as JSON. A strategy that is not
-- deterministic has its answer stored here before anything of it reaches the venue, and is never
-- asked about that moment again.
CREATE TABLE decisions (
    portfolio_id    TEXT    NOT NULL REFERENCES portfolios (id),
    time_ms         BIGINT  NOT NULL,
    strategy        TEXT    NOT NULL,
    actions         TEXT    NOT NULL,
    run_id          TEXT,
    recorded_ms     BIGINT  NOT NULL,
    PRIMARY KEY (portfolio_id, time_ms)
);
