-- When the last live poll of a cabinet was due and when it started: how far the poll falls behind its schedule
-- (docs/benchmarks.md "Many cabinets: the live order feed" reads it; the server's meter is
-- wbassist_order_feed_lateness).
ALTER TABLE order_feed_state ADD COLUMN last_due_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE order_feed_state ADD COLUMN last_started_at TIMESTAMP WITH TIME ZONE;
