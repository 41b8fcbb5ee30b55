package ru.wbassist.bot.server;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import ru.wbassist.api.Answers;
import ru.wbassist.api.Cabinets;
import ru.wbassist.api.Insights;
import ru.wbassist.api.Notifications;
import ru.wbassist.api.Syncs;
import ru.wbassist.api.Users;

/**
 * The server's HTTP API as the bot uses it (docs/api.md). Every method throws {@link ServerException} when the server
 * answers an error or cannot be reached.
 */
public interface ServerClient {

    Users.User register(Users.Registration registration);

    /** The user, or null when the server does not know them. */
    Users.User user(long telegramId);

    void markBlocked(long telegramId);

    Cabinets.Connected connectCabinet(long telegramId, String apiKey, String name);

    List<Cabinets.Cabinet> cabinets(long telegramId);

    void leaveCabinet(long telegramId, long cabinetId);

    Notifications.Settings settings(long telegramId);

    /** Partial update: only the given fields change. */
    Notifications.Settings updateSettings(long telegramId, Map<String, Object> changes);

    /** The products whose stock alerts the user muted. */
    List<Notifications.ProductMute> mutes(long telegramId);

    /** Mutes a product's stock alerts for the user (404 when the cabinet is not theirs). */
    void mute(long telegramId, long cabinetId, long nmId);

    /** Unmutes it (404 when it was not muted). */
    void unmute(long telegramId, long cabinetId, long nmId);

    Notifications.TestQueued sendTest(long telegramId, String type);

    List<Insights.Dashboard> dashboard(long telegramId);

    List<Insights.Orders> orders(long telegramId, String status, int limit, int offset);

    List<Insights.Stocks> criticalStocks(long telegramId);

    List<Insights.Reviews> reviews(long telegramId);

    List<Insights.Analytics> analytics(long telegramId, String period);

    List<Syncs.Started> startSync(long telegramId);

    List<Syncs.CabinetStatus> syncStatus(long telegramId);

    /** Unanswered reviews ({@code kind} "reviews") or questions ("questions") per cabinet. */
    List<Answers.Unanswered> unanswered(long telegramId, String kind);

    Answers.ReplyContext replyContext(long telegramId, long cabinetId, String kind, String itemId);

    /** Sends an answer to WB through the server; the same {@code idempotencyKey} never sends twice. */
    Answers.Answer answer(
            long telegramId, long cabinetId, String kind, String itemId, String text, String idempotencyKey);

    List<Answers.TemplateBlock> templates(long telegramId);

    Answers.Template addTemplate(long telegramId, long cabinetId, String text);

    void deleteTemplate(long telegramId, long templateId);

    /** The owner lets the cabinet's members answer reviews and questions, or stops them (403 unless the owner). */
    Answers.Answering setMembersCanAnswer(long telegramId, long cabinetId, boolean membersCanAnswer);

    /** Leases up to {@code limit} deliverable notifications of all users, waiting up to {@code wait} for some. */
    List<Notifications.Item> pending(int limit, Duration wait, Duration lease);

    void ack(Notifications.Ack ack);
}
