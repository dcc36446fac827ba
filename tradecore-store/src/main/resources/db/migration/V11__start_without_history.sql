-- The stats cache becomes a snapshot a reader can start from instead of rebuilding from every
-- fill: each bot version's ledger and the marks, as JSON, and the number of the last fill it
-- includes. A snapshot whose last fill number still matches the fills table's is that of every
-- stored fill (fills and the snapshot commit together, fills are numbered in the order they are
-- stored and never deleted); one that does not, or a row written before this column existed
-- (NULL), is rebuilt from the fills.
ALTER TABLE portfolio_stats ADD COLUMN snapshot TEXT;
ALTER TABLE portfolio_stats ADD COLUMN fill_seq BIGINT;

-- A restarting runner reads its open plans' orders, not every order of the portfolio's history.
CREATE INDEX orders_by_plan ON orders (portfolio_id, plan_id);
