-- Grouping (docs/notifications.md): a group leader row has group_id = its own id and carries the grouped text;
-- members point at the leader and are acknowledged with it. group_size counts the leader and its members.
ALTER TABLE notification_history ADD COLUMN group_size INTEGER NOT NULL DEFAULT 1;
ALTER TABLE notification_history ADD COLUMN group_text TEXT;
CREATE INDEX ix_notification_group ON notification_history (group_id);
-- The open-group look-up in fan-out and the per-user delivery queries.
CREATE INDEX ix_notification_user_status ON notification_history (user_id, status, event_type);
