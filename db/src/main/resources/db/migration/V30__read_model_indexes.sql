-- Indexes for the bot read API and the admin API (ru.wbassist.server.insights / .admin). Every read filters on a
-- range of one timestamp column; these cover the ranges V1 did not.

-- Cancellations of a Moscow day are counted by cancel_date, not order_date.
CREATE INDEX ix_wb_orders_cabinet_cancel ON wb_orders (cabinet_id, cancel_date);

-- The admin overview counts orders per day over all cabinets.
CREATE INDEX ix_wb_orders_order_date ON wb_orders (order_date);

-- Review statistics group a cabinet's reviews by rating; with these columns the scan never touches the table.
CREATE INDEX ix_wb_reviews_cabinet_rating ON wb_reviews (cabinet_id, rating, is_answered, created_date);

-- Notification history filtered by cabinet, newest first.
CREATE INDEX ix_notification_cabinet_id ON notification_history (cabinet_id, id);
