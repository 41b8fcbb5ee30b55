-- V30's index on wb_orders (order_date) alone attracted PostgreSQL's planner away from the per-cabinet indexes:
-- "newest orders of cabinet X" became a backward walk over every cabinet's orders, filtered, which is slow for a
-- small cabinet among big ones (QueryPlanTest showed it). The admin overview's 14-day chart over all cabinets is the
-- only query it served; that one scans instead.
DROP INDEX ix_wb_orders_order_date;
