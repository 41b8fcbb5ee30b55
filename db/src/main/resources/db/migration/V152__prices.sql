-- Issue 15: price watch. One row per card: its price now and a price upload WB holds in quarantine.
CREATE TABLE wb_prices (
    cabinet_id           BIGINT NOT NULL REFERENCES wb_cabinets (id) ON DELETE CASCADE,
    nm_id                BIGINT NOT NULL,
    price                NUMERIC(14, 2) NOT NULL,
    discount             INTEGER NOT NULL,
    discounted_price     NUMERIC(14, 2) NOT NULL,
    -- the held-back upload (price after discount, and its discount); null when none is in quarantine
    quarantine_price     NUMERIC(14, 2),
    quarantine_discount  INTEGER,
    synced_at            TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT pk_wb_prices PRIMARY KEY (cabinet_id, nm_id)
);

-- One switch for both price events (price_changed, price_quarantine).
ALTER TABLE notification_settings ADD COLUMN price_changes_enabled BOOLEAN NOT NULL DEFAULT TRUE;
