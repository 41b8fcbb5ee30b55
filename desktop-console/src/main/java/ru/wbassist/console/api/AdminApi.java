package ru.wbassist.console.api;

import java.util.List;

/**
 * The server's admin API as the console uses it (docs/api.md, "Admin API").
 * Calls block; the view models run them off the FX thread. Failures are {@link AdminApiException}s.
 */
public interface AdminApi {

    Overview overview();

    Page<CabinetSummary> cabinets(String nameContains, int limit, int offset);

    List<CabinetUser> cabinetUsers(long cabinetId);

    /** Starts a sync of the cabinet; a {@link AdminApiException.Kind#CONFLICT} while one runs. */
    void startSync(long cabinetId);

    Page<SyncLogEntry> syncLogs(SyncLogQuery query);

    Page<NotificationRecord> notifications(NotificationQuery query);

    Page<AdminUser> users(int limit, int offset);

    TestSendResult sendTestNotification(long telegramId, String type);

    /** What {@link #sendTestNotification} would queue now, rendered; the server writes nothing. */
    TestSendPreview previewTestNotification(long telegramId, String type);

    /** Where this client talks to, for the window's header. */
    String endpoint();
}
