package ru.wbassist.console.api;

import java.util.List;
import ru.wbassist.api.Admin;
import ru.wbassist.api.Notifications;

/**
 * The server's admin API as the console uses it (docs/api.md, "Admin API").
 * Calls block; the view models run them off the FX thread. Failures are {@link AdminApiException}s.
 */
public interface AdminApi {

    Admin.Overview overview();

    Admin.Page<Admin.CabinetRow> cabinets(String nameContains, int limit, int offset);

    List<Admin.Member> cabinetUsers(long cabinetId);

    /** Starts a sync of the cabinet; a {@link AdminApiException.Kind#CONFLICT} while one runs. */
    void startSync(long cabinetId);

    /** Pauses (true) or resumes (false) the cabinet's scheduled sync. */
    void pauseSync(long cabinetId, boolean paused);

    Admin.Page<Admin.SyncLogEntry> syncLogs(SyncLogQuery query);

    /** The whole filtered list (paging ignored) as the server's CSV file: UTF-8 with a byte order mark. */
    byte[] exportSyncLogs(SyncLogQuery query);

    Admin.Page<Admin.NotificationEntry> notifications(NotificationQuery query);

    /** The whole filtered list (paging ignored) as the server's CSV file: UTF-8 with a byte order mark. */
    byte[] exportNotifications(NotificationQuery query);

    /** Queues a failed notification again as a new attempt; a {@link AdminApiException.Kind#CONFLICT} when it cannot be. */
    Admin.Retried retryNotification(long notificationId);

    Admin.Page<Admin.UserRow> users(int limit, int offset);

    Notifications.TestQueued sendTestNotification(long telegramId, String type);

    /** What {@link #sendTestNotification} would queue now, rendered; the server writes nothing. */
    Notifications.TestPreview previewTestNotification(long telegramId, String type);

    /** Reviews and questions with their answer state, newest first. */
    Admin.Page<Admin.ItemToAnswer> itemsToAnswer(ItemQuery query);

    /** The answers sent to WB from WB Assist (who, when, WB's verdict), newest first. */
    Admin.Page<Admin.SentAnswer> answers(AnswerQuery query);

    /** Where this client talks to, for the window's header. */
    String endpoint();
}
