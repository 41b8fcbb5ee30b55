-- The sizes of each product card (the content API's sizes[]): WB's order feed names an order's size by its chrtId
-- only, so a live order card finds the size here (docs/sync.md "Live orders").
CREATE TABLE wb_product_sizes (
    cabinet_id  BIGINT NOT NULL REFERENCES wb_cabinets (id) ON DELETE CASCADE,
    chrt_id     BIGINT NOT NULL,
    nm_id       BIGINT NOT NULL,
    -- the seller's size (what the statistics API calls techSize) and WB's Russian size
    tech_size   TEXT,
    wb_size     TEXT,
    CONSTRAINT pk_wb_product_sizes PRIMARY KEY (cabinet_id, chrt_id)
);
-- A card's sizes are replaced as a whole when the card changes.
CREATE INDEX ix_wb_product_sizes_nm ON wb_product_sizes (cabinet_id, nm_id);

-- Cards stored before this table existed are listed again by the next products sync, which stores their sizes.
-- Cards raise no events, so this re-reading tells nobody anything.
DELETE FROM sync_cursors WHERE data_set = 'products';
