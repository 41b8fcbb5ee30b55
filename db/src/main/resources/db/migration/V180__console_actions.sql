-- Operator actions from the console (docs/api.md "Admin API").
-- A paused cabinet keeps its schedule row, but each run it is due ends at once without touching WB (docs/sync.md).
ALTER TABLE wb_cabinets ADD COLUMN sync_paused_at TIMESTAMP WITH TIME ZONE;
-- A retry of a failed notification is a new row whose retry_of names the failed one; the failed row stays as it was
-- but for retried_by, which names the retry (one per failed row; a failed retry can be retried in turn). Both are
-- read by primary key, so the queue gets no index and no foreign key to pay for on each fan-out row.
ALTER TABLE notification_history ADD COLUMN retry_of BIGINT;
ALTER TABLE notification_history ADD COLUMN retried_by BIGINT;
