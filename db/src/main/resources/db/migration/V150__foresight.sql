-- Issue 15: stock runway alerts and the daily digest.

-- Runway: alert when the days of stock left fall to or below runway_days.
ALTER TABLE notification_settings ADD COLUMN stock_runway_enabled BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE notification_settings ADD COLUMN runway_days INTEGER NOT NULL DEFAULT 7;
ALTER TABLE notification_settings ADD CONSTRAINT ck_settings_runway_days CHECK (runway_days BETWEEN 1 AND 90);
-- Digest: 'HH:MM' Moscow time, null = no digest; set_at is when the time was chosen (a time already past that
-- day waits for the next day).
ALTER TABLE notification_settings ADD COLUMN digest_time TEXT;
ALTER TABLE notification_settings ADD COLUMN digest_time_set_at TIMESTAMP WITH TIME ZONE;

-- A row means: this user was told that this product runs out within their horizon; deleted when the runway
-- rises above the horizon again (re-arms the alert).
CREATE TABLE stock_runway_alerts (
    user_id     BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    cabinet_id  BIGINT NOT NULL REFERENCES wb_cabinets (id) ON DELETE CASCADE,
    nm_id       BIGINT NOT NULL,
    fired_at    TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT pk_stock_runway_alerts PRIMARY KEY (user_id, cabinet_id, nm_id)
);

-- A chart the bot draws and sends with the text as its caption (the digest's 14 days), as JSON.
ALTER TABLE notification_history ADD COLUMN chart TEXT;
