-- A failed data set shows users a plain reason (error_code, translated by the bot) and an error id; the details
-- stay in the server log under that id.
ALTER TABLE wb_sync_logs ADD COLUMN error_code TEXT;
ALTER TABLE wb_sync_logs ADD COLUMN error_id TEXT;
-- Earlier runs stored internal exception text; their details are in the server logs of that time.
UPDATE wb_sync_logs SET error_message = 'internal error in the server (details in the server log of that time)',
                        error_code = 'internal'
 WHERE error_message LIKE 'internal error:%';
