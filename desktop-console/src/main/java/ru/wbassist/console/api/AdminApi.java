package ru.wbassist.console.api;

import java.util.List;

import ru.wbassist.api.Notifications;
import ru.wbassist.api.Admin;

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

    Admin.Page<Admin.SyncLogEntry> syncLogs(SyncLogQuery query);

    Admin.Page<Admin.NotificationEntry> notifications(NotificationQuery query);

    Admin.Page<Admin.UserRow> users(int limit, int offset);

    Notifications.TestQueued sendTestNotification(long telegramId, String type);

    /** What {@link #sendTestNotification} would queue now, rendered; the server writes nothing. */
    Notifications.TestPreview previewTestNotification(long telegramId, String type);

    /** Where this client talks to, for the window's header. */
    String endpoint();
}
