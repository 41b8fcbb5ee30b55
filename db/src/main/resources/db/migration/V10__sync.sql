-- Sync (docs/sync.md): indexes for the status query, the order status set from sales, and stock totals.

-- The latest run per (cabinet, data set): GET /api/v1/bot/sync/status.
CREATE INDEX IF NOT EXISTS ix_wb_sync_logs_cabinet_set ON wb_sync_logs (cabinet_id, data_set, id);

-- A sale finds its order by srid (status buyout/return).
CREATE INDEX IF NOT EXISTS ix_wb_sales_cabinet_srid ON wb_sales (cabinet_id, srid);
