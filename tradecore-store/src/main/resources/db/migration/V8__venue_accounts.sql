-- The venue a portfolio trades on: 'paper' (the durable paper exchange, the default) or 'alpaca'
-- (an Alpaca account, paper or live as the configuration says). Keys are never stored here.
ALTER TABLE portfolios ADD COLUMN venue TEXT NOT NULL DEFAULT 'paper';

-- A broker's own id of each of our orders, legs of OCO pairs included (whose client order ids the
-- broker makes up): how a fill the broker reports by its order id finds our client order id after
-- a restart. Written by the venue before it reports anything of the order.
CREATE TABLE venue_orders (
    portfolio_id     TEXT    NOT NULL REFERENCES portfolios (id),
    broker_order_id  TEXT    NOT NULL,
    client_order_id  TEXT    NOT NULL,
    created_ms       BIGINT  NOT NULL,
    PRIMARY KEY (portfolio_id, broker_order_id)
);
CREATE INDEX venue_orders_by_client ON venue_orders (portfolio_id, client_order_id);
