-- Fan-out writes one notification_history row per event and user inside the sync's transaction, and every index
-- is paid on each of those rows (docs/benchmarks.md "Detection and fan-out"). Two per-user indexes become one:
-- (user_id, status, id) serves the per-user queue (pending rows of a user in id order), the open-group look-up
-- (a user's pending rows, newest first) and the blocked-user sweep. The group_id index goes: a group's members
-- are found among their user's pending rows, which the same index reaches.
CREATE INDEX ix_notification_user_queue ON notification_history (user_id, status, id);
DROP INDEX ix_notification_user_id;
DROP INDEX ix_notification_user_status;
DROP INDEX ix_notification_group;
