package ru.wbassist.bot.command;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import ru.wbassist.api.Html;
import ru.wbassist.api.Notifications;
import ru.wbassist.api.Notifications.ProductMute;
import ru.wbassist.bot.i18n.Texts;

/**
 * Every notification setting as a button: on/off switches flip, numeric settings and quiet hours step through a few
 * sensible values. Each option has a short code for its callback_data ("set:ord").
 */
final class SettingsMenu {

    /** One setting: its code, its Settings fields, how to read it and the values one press steps through. */
    private record Option(
            String code, String label, Function<Notifications.Settings, Object> read, List<Map<String, Object>> steps) {

        /** The change one press makes: the step after the current value (or the first). */
        Map<String, Object> next(Notifications.Settings settings) {
            Object current = read.apply(settings);
            for (int i = 0; i < steps.size(); i++) {
                if (Objects.equals(valueOf(steps.get(i)), current)) {
                    return steps.get((i + 1) % steps.size());
                }
            }
            return steps.getFirst();
        }

        private static Object valueOf(Map<String, Object> step) {
            return step.size() == 1 ? step.values().iterator().next() : step.get("quiet_hours_start");
        }
    }

    private static final List<Option> OPTIONS = List.of(
            toggle(
                    "all",
                    "settings.notifications",
                    "notifications_enabled",
                    Notifications.Settings::notificationsEnabled),
            toggle("ord", "settings.new_orders", "new_orders_enabled", Notifications.Settings::newOrdersEnabled),
            toggle("buy", "settings.buyouts", "order_buyouts_enabled", Notifications.Settings::orderBuyoutsEnabled),
            toggle(
                    "cnl",
                    "settings.cancellations",
                    "order_cancellations_enabled",
                    Notifications.Settings::orderCancellationsEnabled),
            toggle("ret", "settings.returns", "order_returns_enabled", Notifications.Settings::orderReturnsEnabled),
            toggle(
                    "rev",
                    "settings.reviews",
                    "negative_reviews_enabled",
                    Notifications.Settings::negativeReviewsEnabled),
            toggle("stk", "settings.stocks", "critical_stocks_enabled", Notifications.Settings::criticalStocksEnabled),
            toggle("rwy", "settings.runway", "stock_runway_enabled", Notifications.Settings::stockRunwayEnabled),
            toggle("prc", "settings.prices", "price_changes_enabled", Notifications.Settings::priceChangesEnabled),
            toggle("qst", "settings.questions", "new_questions_enabled", Notifications.Settings::newQuestionsEnabled),
            toggle("grp", "settings.grouping", "grouping_enabled", Notifications.Settings::groupingEnabled),
            cycle("gsz", "settings.group_size", "max_group_size", Notifications.Settings::maxGroupSize, 3, 5, 10, 20),
            cycle(
                    "gto",
                    "settings.group_timeout",
                    "group_timeout",
                    Notifications.Settings::groupTimeout,
                    60,
                    300,
                    900,
                    1800),
            cycle(
                    "rth",
                    "settings.review_threshold",
                    "negative_review_threshold",
                    Notifications.Settings::negativeReviewThreshold,
                    1,
                    2,
                    3,
                    4),
            cycle(
                    "sth",
                    "settings.stock_threshold",
                    "critical_stock_threshold",
                    Notifications.Settings::criticalStockThreshold,
                    3,
                    5,
                    10,
                    20,
                    50),
            cycle(
                    "rdy",
                    "settings.runway_days",
                    "runway_days",
                    Notifications.Settings::runwayDays,
                    3,
                    5,
                    7,
                    10,
                    14,
                    30),
            new Option(
                    "dig",
                    "settings.digest",
                    Notifications.Settings::digestTime,
                    List.of(digest(null), digest("09:00"), digest("12:00"), digest("18:00"), digest("21:00"))),
            new Option(
                    "qh",
                    "settings.quiet_hours",
                    Notifications.Settings::quietHoursStart,
                    List.of(
                            quiet(null, null),
                            quiet("22:00", "08:00"),
                            quiet("23:00", "07:00"),
                            quiet("00:00", "09:00"))),
            new Option(
                    "lng",
                    "settings.language",
                    Notifications.Settings::language,
                    List.of(Map.of("language", "ru"), Map.of("language", "en"))));

    /** The callback code of an unmute button: {@code set:unm:<cabinet>:<nmId>}. */
    static final String UNMUTE = "unm";

    private static final int MUTES_SHOWN = 10;

    private SettingsMenu() {}

    static String text(Notifications.Settings settings, List<ProductMute> mutes, Texts t) {
        StringBuilder text = new StringBuilder(t.get("settings.title"));
        for (Option option : OPTIONS) {
            text.append("\n")
                    .append(t.get(option.label()))
                    .append(": <b>")
                    .append(display(option, settings, t))
                    .append("</b>");
        }
        if (!mutes.isEmpty()) {
            text.append("\n\n").append(t.get("settings.muted"));
            for (ProductMute mute : shown(mutes)) {
                text.append("\n• ")
                        .append(Html.escape(productName(mute)))
                        .append(" · ")
                        .append(Html.escape(mute.cabinetName()));
            }
        }
        return text.append("\n\n").append(t.get("settings.hint")).toString();
    }

    static InlineKeyboardMarkup keyboard(Notifications.Settings settings, List<ProductMute> mutes, Texts t) {
        Buttons buttons = Buttons.keyboard();
        for (int i = 0; i < OPTIONS.size(); i++) {
            Option option = OPTIONS.get(i);
            if (i % 2 == 0) {
                buttons.row();
            }
            buttons.button(t.get(option.label()) + ": " + display(option, settings, t), "set:" + option.code());
        }
        for (ProductMute mute : shown(mutes)) {
            buttons.row()
                    .button(
                            t.get("settings.unmute", productName(mute)),
                            "set:" + UNMUTE + ":" + mute.cabinetId() + ":" + mute.nmId());
        }
        return buttons.build();
    }

    /** The first muted products; more would crowd the menu (each has its own unmute button). */
    private static List<ProductMute> shown(List<ProductMute> mutes) {
        return mutes.subList(0, Math.min(MUTES_SHOWN, mutes.size()));
    }

    private static String productName(ProductMute mute) {
        String title = mute.title() == null || mute.title().isBlank() ? "WB " + mute.nmId() : mute.title();
        return title.length() > 40 ? title.substring(0, 39) + "…" : title;
    }

    /** The change a press on {@code code} makes, or null for an unknown (outdated) button. */
    static Map<String, Object> change(String code, Notifications.Settings settings) {
        return OPTIONS.stream()
                .filter(option -> option.code().equals(code))
                .findFirst()
                .map(option -> option.next(settings))
                .orElse(null);
    }

    private static String display(Option option, Notifications.Settings settings, Texts t) {
        Object value = option.read().apply(settings);
        if (value instanceof Boolean on) {
            return t.get(on ? "settings.on" : "settings.off");
        }
        return switch (option.code()) {
            case "qh" ->
                settings.quietHoursStart() == null
                        ? t.get("settings.off")
                        : settings.quietHoursStart() + "–" + settings.quietHoursEnd();
            case "gto" -> t.get("settings.minutes", settings.groupTimeout() / 60);
            case "rth" -> "≤ " + settings.negativeReviewThreshold() + "★";
            case "rdy" -> t.get("settings.days", settings.runwayDays());
            case "dig" ->
                settings.digestTime() == null
                        ? t.get("settings.off")
                        : t.get("settings.time_msk", settings.digestTime());
            case "lng" -> "en".equals(settings.language()) ? "English" : "Русский";
            default -> String.valueOf(value);
        };
    }

    private static Option toggle(
            String code, String label, String field, Function<Notifications.Settings, Boolean> read) {
        return new Option(code, label, read::apply, List.of(Map.of(field, false), Map.of(field, true)));
    }

    private static Option cycle(
            String code, String label, String field, Function<Notifications.Settings, Integer> read, int... values) {
        return new Option(
                code,
                label,
                read::apply,
                java.util.Arrays.stream(values)
                        .mapToObj(v -> Map.<String, Object>of(field, v))
                        .toList());
    }

    /** A digest time step; null turns the digest off (Map.of takes no null). */
    private static Map<String, Object> digest(String time) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("digest_time", time);
        return change;
    }

    private static Map<String, Object> quiet(String start, String end) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("quiet_hours_start", start);
        change.put("quiet_hours_end", end);
        return change;
    }
}
