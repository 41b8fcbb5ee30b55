-- The per-day figures and top products of a cabinet read (cabinet_id, order_date, nm_id, price_with_disc) of every
-- order line in a range. With all four in one index PostgreSQL answers them with an index-only scan instead of
-- fetching every line from the table (docs/benchmarks.md "Dashboard"). It starts with V1's (cabinet_id, order_date),
-- so it serves every query that index served and replaces it.
CREATE INDEX ix_wb_orders_cabinet_date_cover ON wb_orders (cabinet_id, order_date, nm_id, price_with_disc);
DROP INDEX ix_wb_orders_cabinet_date;
