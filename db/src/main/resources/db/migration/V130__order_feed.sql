-- WB's real-time order feed beside the statistics API (docs/sync.md "Live orders").

-- What the feed knows of an order that statistics does not: the size id, where the buyer is (city and district),
-- the warehouse's region, B2B, why it was cancelled, and the feed's own status and its time. The statistics sync
-- never writes these columns, so its later rows enrich the order without losing them.
ALTER TABLE wb_orders ADD COLUMN chrt_id BIGINT;
ALTER TABLE wb_orders ADD COLUMN destination_city TEXT;
ALTER TABLE wb_orders ADD COLUMN destination_district TEXT;
ALTER TABLE wb_orders ADD COLUMN warehouse_region TEXT;
ALTER TABLE wb_orders ADD COLUMN is_b2b BOOLEAN;
-- app | receipt | expire | other (the feed's cancelType)
ALTER TABLE wb_orders ADD COLUMN cancel_type TEXT;
-- created | buyout | cancel | return | returnDefective, and the time of that status
ALTER TABLE wb_orders ADD COLUMN feed_status TEXT;
ALTER TABLE wb_orders ADD COLUMN feed_status_at TIMESTAMP WITH TIME ZONE;
-- Which source stored the order first: statistics | feed.
ALTER TABLE wb_orders ADD COLUMN source TEXT NOT NULL DEFAULT 'statistics';

-- One row per cabinet: where the next feed poll starts and how the live source is doing.
CREATE TABLE order_feed_state (
    cabinet_id       BIGINT PRIMARY KEY REFERENCES wb_cabinets (id) ON DELETE CASCADE,
    -- on | off (the key lacks Analytics or WB rejected it) | slowed (WB allows this key a request per 3 hours)
    mode             TEXT NOT NULL,
    -- why it is off or slowed: no_analytics | key_rejected | base_token
    reason           TEXT,
    -- The newest status time stored; null until the first (baseline) poll has stored its window.
    cursor_at        TIMESTAMP WITH TIME ZONE,
    -- success | partial | failed, of the last poll
    last_status      TEXT,
    last_error       TEXT,
    last_poll_at     TIMESTAMP WITH TIME ZONE,
    last_success_at  TIMESTAMP WITH TIME ZONE,
    next_poll_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT ck_order_feed_mode CHECK (mode IN ('on', 'off', 'slowed')),
    CONSTRAINT ck_order_feed_status CHECK (last_status IS NULL OR last_status IN ('success', 'partial', 'failed'))
);

-- Buyouts and returns are keyed by the order's srid, which the feed's status and the statistics sale row share
-- (before: by the sale id, which the feed does not know). A sale without a srid keeps its sale id.
UPDATE events SET external_id = (SELECT s.srid FROM wb_sales s
                                  WHERE s.cabinet_id = events.cabinet_id AND s.sale_id = events.external_id)
 WHERE event_type IN ('order_buyout', 'order_return')
   AND EXISTS (SELECT 1 FROM wb_sales s
                WHERE s.cabinet_id = events.cabinet_id AND s.sale_id = events.external_id
                  AND s.srid IS NOT NULL AND s.srid <> ''
                  -- a second sale of the same kind for one srid would collide: that event keeps its sale id
                  AND NOT EXISTS (SELECT 1 FROM wb_sales t
                                   WHERE t.cabinet_id = s.cabinet_id AND t.srid = s.srid
                                     AND t.sale_type = s.sale_type AND t.sale_id <> s.sale_id));
UPDATE notification_history SET external_id = (SELECT e.external_id FROM events e
                                                 WHERE e.id = notification_history.event_id)
 WHERE event_type IN ('order_buyout', 'order_return')
   AND event_id IS NOT NULL
   AND EXISTS (SELECT 1 FROM events e WHERE e.id = notification_history.event_id);
