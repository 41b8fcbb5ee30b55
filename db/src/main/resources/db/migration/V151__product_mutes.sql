-- Issue 15: a user's "do not tell me about this product's stock" (critical and runway alerts).
CREATE TABLE product_mutes (
    user_id     BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    cabinet_id  BIGINT NOT NULL REFERENCES wb_cabinets (id) ON DELETE CASCADE,
    nm_id       BIGINT NOT NULL,
    muted_at    TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT pk_product_mutes PRIMARY KEY (user_id, cabinet_id, nm_id)
);

-- The product a stock alert is about, so the bot can offer to mute it; null for other types.
ALTER TABLE notification_history ADD COLUMN nm_id BIGINT;
