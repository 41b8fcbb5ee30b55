package ru.wbassist.server.notifications;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import ru.wbassist.api.InvalidRequest;
import ru.wbassist.api.Notifications;

/**
 * A partial update of {@link NotificationSettings}: only the fields present in the JSON body change. Read from
 * the JSON tree (not bound to a record) so that an explicit {@code null} (clear quiet hours) differs from absence.
 * Every problem is a 400 naming the field.
 */
public final class SettingsPatch {

    private static final Set<String> BOOLEANS = Set.of(
            "notifications_enabled",
            "new_orders_enabled",
            "order_buyouts_enabled",
            "order_cancellations_enabled",
            "order_returns_enabled",
            "negative_reviews_enabled",
            "critical_stocks_enabled",
            "stock_runway_enabled",
            "price_changes_enabled",
            "new_questions_enabled",
            "grouping_enabled");
    private static final Map<String, int[]> RANGES = Map.of(
            "max_group_size", new int[] {1, 50},
            "group_timeout", new int[] {0, 3600},
            "negative_review_threshold", new int[] {1, 5},
            "critical_stock_threshold", new int[] {0, 1_000_000},
            "runway_days", new int[] {1, 90});
    private static final Set<String> TIMES = Set.of("quiet_hours_start", "quiet_hours_end", "digest_time");

    private final JsonNode body;

    private SettingsPatch(JsonNode body) {
        this.body = body;
    }

    /** Checks every field of the body. */
    public static SettingsPatch parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidRequest(null, "request body must be a JSON object");
        }
        Iterator<Map.Entry<String, JsonNode>> fields = body.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (BOOLEANS.contains(name)) {
                if (!value.isBoolean()) {
                    throw new InvalidRequest(name, name + " must be true or false");
                }
            } else if (RANGES.containsKey(name)) {
                int[] range = RANGES.get(name);
                if (!value.isIntegralNumber()
                        || !value.canConvertToInt()
                        || value.intValue() < range[0]
                        || value.intValue() > range[1]) {
                    throw new InvalidRequest(
                            name, name + " must be an integer between " + range[0] + " and " + range[1]);
                }
            } else if (TIMES.contains(name)) {
                if (!value.isNull()) {
                    try {
                        QuietHours.parse(value.isTextual() ? value.textValue() : null);
                    } catch (DateTimeParseException e) {
                        throw new InvalidRequest(name, name + " must be a Moscow time HH:MM (00:00..23:59) or null");
                    }
                }
            } else if (name.equals("language")) {
                if (!value.isTextual()
                        || !(value.textValue().equals("ru") || value.textValue().equals("en"))) {
                    throw new InvalidRequest(name, "language must be ru or en");
                }
            } else {
                throw new InvalidRequest(name, "unknown field " + name);
            }
        }
        return new SettingsPatch(body);
    }

    /** The settings after this patch; quiet hours must end up both set or both empty. */
    public Notifications.Settings applyTo(Notifications.Settings s) {
        Notifications.Settings merged = new Notifications.Settings(
                bool("notifications_enabled", s.notificationsEnabled()),
                bool("new_orders_enabled", s.newOrdersEnabled()),
                bool("order_buyouts_enabled", s.orderBuyoutsEnabled()),
                bool("order_cancellations_enabled", s.orderCancellationsEnabled()),
                bool("order_returns_enabled", s.orderReturnsEnabled()),
                bool("negative_reviews_enabled", s.negativeReviewsEnabled()),
                bool("critical_stocks_enabled", s.criticalStocksEnabled()),
                bool("stock_runway_enabled", s.stockRunwayEnabled()),
                bool("price_changes_enabled", s.priceChangesEnabled()),
                bool("new_questions_enabled", s.newQuestionsEnabled()),
                bool("grouping_enabled", s.groupingEnabled()),
                integer("max_group_size", s.maxGroupSize()),
                integer("group_timeout", s.groupTimeout()),
                integer("negative_review_threshold", s.negativeReviewThreshold()),
                integer("critical_stock_threshold", s.criticalStockThreshold()),
                integer("runway_days", s.runwayDays()),
                text("quiet_hours_start", s.quietHoursStart()),
                text("quiet_hours_end", s.quietHoursEnd()),
                text("digest_time", s.digestTime()),
                text("language", s.language()));
        if ((merged.quietHoursStart() == null) != (merged.quietHoursEnd() == null)) {
            String missing = merged.quietHoursStart() == null ? "quiet_hours_start" : "quiet_hours_end";
            throw new InvalidRequest(
                    missing,
                    "quiet_hours_start and quiet_hours_end must be set together"
                            + " (send both as null to turn quiet hours off)");
        }
        return merged;
    }

    private boolean bool(String name, boolean current) {
        return body.has(name) ? body.get(name).booleanValue() : current;
    }

    private int integer(String name, int current) {
        return body.has(name) ? body.get(name).intValue() : current;
    }

    private String text(String name, String current) {
        if (!body.has(name)) {
            return current;
        }
        return body.get(name).isNull() ? null : body.get(name).textValue();
    }
}
