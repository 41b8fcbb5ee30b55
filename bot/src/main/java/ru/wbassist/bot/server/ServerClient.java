package ru.wbassist.bot.server;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The server's HTTP API as the bot uses it (docs/api.md). Every method throws {@link ServerException} when the server
 * answers an error or cannot be reached.
 */
public interface ServerClient {

    Dto.User register(Dto.Registration registration);

    /** The user, or null when the server does not know them. */
    Dto.User user(long telegramId);

    void markBlocked(long telegramId);

    Dto.CabinetConnection connectCabinet(long telegramId, String apiKey, String name);

    List<Dto.Cabinet> cabinets(long telegramId);

    void leaveCabinet(long telegramId, long cabinetId);

    Dto.Settings settings(long telegramId);

    /** Partial update: only the given fields change. */
    Dto.Settings updateSettings(long telegramId, Map<String, Object> changes);

    Dto.TestQueued sendTest(long telegramId, String type);

    List<Dto.Dashboard> dashboard(long telegramId);

    List<Dto.Orders> orders(long telegramId, String status, int limit, int offset);

    List<Dto.Stocks> criticalStocks(long telegramId);

    List<Dto.Reviews> reviews(long telegramId);

    List<Dto.Analytics> analytics(long telegramId, String period);

    List<Dto.SyncStarted> startSync(long telegramId);

    List<Dto.SyncStatus> syncStatus(long telegramId);

    /** Leases up to {@code limit} deliverable notifications of all users, waiting up to {@code wait} for some. */
    List<Dto.Notification> pending(int limit, Duration wait, Duration lease);

    void ack(Dto.Ack ack);
}
