package ru.wbassist.server.notifications;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import ru.wbassist.api.Html;
import ru.wbassist.api.Insights;
import ru.wbassist.api.Notifications;
import ru.wbassist.server.events.EventFacts;
import ru.wbassist.server.events.EventType;
import ru.wbassist.server.http.Json;
import ru.wbassist.server.time.Moscow;

/**
 * Renders notification cards as Telegram HTML: Russian by default, English for {@code language = en}; every value
 * escaped; times in Moscow time; within 1024 characters when the card carries a photo (a caption), else 4096.
 */
public final class Renderer {

    public static final int TEXT_LIMIT = 4096;
    public static final int CAPTION_LIMIT = 1024;
    private static final int REVIEW_TEXT_MAX = 700;
    private static final int REVIEW_PART_MAX = 250;
    private static final int TITLE_MAX = 200;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM");
    private static final int DIGEST_TITLE_MAX = 40;

    private static final Renderer RU = new Renderer(false);
    private static final Renderer EN = new Renderer(true);

    /**
     * A rendered card: text, and the photo to send it with or the chart the bot draws and sends with it (both null: a
     * plain message). With either, the text is a caption.
     */
    public record Rendered(String text, String imageUrl, Notifications.Chart chart) {}

    /** Keeps a chart in {@code notification_history.chart} (JSON) until the bot is handed it (and for the console). */
    public static final class StoredChart {

        private StoredChart() {}

        static String toJson(Notifications.Chart chart) {
            try {
                return chart == null ? null : Json.MAPPER.writeValueAsString(chart);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("chart not serializable", e);
            }
        }

        public static Notifications.Chart fromJson(String json) {
            try {
                return json == null ? null : Json.MAPPER.readValue(json, Notifications.Chart.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("unreadable chart", e);
            }
        }
    }

    private final boolean english;
    private final DecimalFormat money;

    private Renderer(boolean english) {
        this.english = english;
        this.money =
                new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(english ? Locale.US : Locale.of("ru")));
    }

    public static Renderer forLanguage(String language) {
        return "en".equals(language) ? EN : RU;
    }

    /** One card for one event. */
    public Rendered render(EventType type, EventFacts facts, String cabinetName) {
        Card card = switch (facts) {
            case EventFacts.Order o when type == EventType.ORDER_CANCELLATION -> cancellation(o);
            case EventFacts.Order o -> newOrder(o);
            case EventFacts.Sale s -> sale(type, s);
            case EventFacts.Review r -> review(r);
            case EventFacts.Question q -> question(q);
            case EventFacts.Stock s -> stock(s);
            case EventFacts.Runway r -> runway(r);
            case EventFacts.Price p -> price(type, p);
            case EventFacts.Digest d -> digest(d, cabinetName);
            case EventFacts.Key k -> key(type, k);
            case EventFacts.Test t ->
                new Card(
                        new StringBuilder(
                                "🔔 <b>" + t("Уведомления работают", "Notifications work") + "</b>\n" + esc(t.note())),
                        null);
        };
        return card.finish(cabinetName);
    }

    /** A sample card marked as a test (the test endpoint). */
    public Rendered renderTest(EventType type, EventFacts facts, String cabinetName) {
        Rendered card = render(type, facts, cabinetName);
        String banner = "🧪 <i>" + t("Тестовое уведомление", "Test notification") + "</i>\n";
        return new Rendered(Html.truncate(banner + card.text(), limit(card)), card.imageUrl(), card.chart());
    }

    /** One message listing the members of a group (same type); sent without a photo. */
    public String renderGroup(EventType type, List<EventFacts> members, String cabinetName) {
        StringBuilder out = new StringBuilder(icon(type))
                .append(" <b>")
                .append(groupTitle(type))
                .append(": ")
                .append(members.size())
                .append("</b>");
        if (cabinetName != null && !cabinetName.isBlank()) {
            out.append(" · ").append(esc(cabinetName));
        }
        out.append('\n');
        String more = "\n" + t("…и ещё ", "…and ") + members.size() + t("", " more");
        for (int i = 0; i < members.size(); i++) {
            String line = "• " + summary(members.get(i)) + "\n";
            if (out.length() + line.length() + more.length() > TEXT_LIMIT) {
                out.append(t("…и ещё ", "…and ")).append(members.size() - i).append(t("", " more"));
                return out.toString();
            }
            out.append(line);
        }
        return out.toString().stripTrailing();
    }

    private Card newOrder(EventFacts.Order o) {
        StringBuilder b = new StringBuilder("🛒 <b>")
                .append(t("Новый заказ", "New order"))
                .append("</b>\n");
        product(b, o.title(), o.vendorCode(), o.nmId(), o.size());
        b.append(t("Цена: ", "Price: "))
                .append("<b>")
                .append(rub(o.priceWithDisc()))
                .append("</b>");
        if (o.totalPrice() != null
                && o.priceWithDisc() != null
                && o.totalPrice().compareTo(o.priceWithDisc()) != 0) {
            b.append(t(" (без скидки ", " (before discount ")).append(rub(o.totalPrice()));
            if (o.discountPercent() != null) {
                b.append(", −").append(o.discountPercent()).append('%');
            }
            b.append(')');
        }
        b.append('\n');
        if (o.finishedPrice() != null) {
            b.append(t("Покупатель заплатил: ", "Buyer paid: "))
                    .append(rub(o.finishedPrice()))
                    .append('\n');
        }
        route(b, o.warehouse(), o.warehouseType(), o.region());
        b.append("🕒 ").append(when(o.orderDate())).append('\n');
        b.append("📊 ")
                .append(t("Сегодня: ", "Today: "))
                .append(o.dayOrders())
                .append(t(" зак. на ", " orders, "))
                .append(rub(o.daySum()))
                .append('\n');
        if (o.stockLeft() != null) {
            b.append("📦 ")
                    .append(t("Остаток: ", "Stock left: "))
                    .append(o.stockLeft())
                    .append(t(" шт.", " pcs"));
            if (o.daysLeft() != null) {
                b.append(t(" (≈ на ", " (≈ ")).append(number(o.daysLeft())).append(t(" дн.)", " days)"));
            }
            b.append('\n');
        }
        if (o.buyoutRate30d() != null) {
            b.append("✅ ")
                    .append(t("Выкуп за 30 дн.: ", "Buyout rate, 30 days: "))
                    .append(percent(o.buyoutRate30d()))
                    .append('\n');
        }
        return new Card(b, o.imageUrl());
    }

    private Card cancellation(EventFacts.Order o) {
        StringBuilder b = new StringBuilder("❌ <b>")
                .append(t("Отмена заказа", "Order cancelled"))
                .append("</b>\n");
        product(b, o.title(), o.vendorCode(), o.nmId(), o.size());
        b.append(t("Цена: ", "Price: ")).append(rub(o.priceWithDisc())).append('\n');
        route(b, o.warehouse(), o.warehouseType(), o.region());
        b.append(t("Заказан: ", "Ordered: ")).append(when(o.orderDate())).append('\n');
        if (o.cancelDate() != null) {
            b.append(t("Отменён: ", "Cancelled: ")).append(when(o.cancelDate())).append('\n');
        }
        String reason = cancelReason(o.cancelType());
        if (reason != null) {
            b.append(t("Причина: ", "Why: ")).append(reason).append('\n');
        }
        return new Card(b, o.imageUrl());
    }

    private Card sale(EventType type, EventFacts.Sale s) {
        boolean buyout = type == EventType.ORDER_BUYOUT;
        StringBuilder b = new StringBuilder(
                        buyout
                                ? "💰 <b>" + t("Выкуп", "Buyout")
                                : "↩️ <b>" + t("Возврат", "Return")
                                        + (Boolean.TRUE.equals(s.defective()) ? t(" (брак)", " (defective)") : ""))
                .append("</b>\n");
        product(b, s.title(), s.vendorCode(), s.nmId(), s.size());
        // WB may send a return's amounts negative; the price reads as a price, what is payable keeps its sign
        b.append(t("Цена: ", "Price: "))
                .append(rub(s.priceWithDisc() == null ? null : s.priceWithDisc().abs()))
                .append('\n');
        if (s.forPay() != null) {
            b.append(t("К перечислению: ", "Payable to you: "))
                    .append(rub(s.forPay()))
                    .append('\n');
        }
        route(b, s.warehouse(), null, s.region());
        b.append("🕒 ").append(when(s.saleDate())).append('\n');
        return new Card(b, s.imageUrl());
    }

    private Card review(EventFacts.Review r) {
        StringBuilder b = new StringBuilder("⭐ <b>")
                .append(t("Негативный отзыв", "Negative review"))
                .append("</b> ")
                .append(stars(r.rating()))
                .append(" (")
                .append(r.rating())
                .append("/5)\n");
        product(b, r.productName(), r.vendorCode(), r.nmId(), null);
        if (r.userName() != null && !r.userName().isBlank()) {
            b.append(t("Покупатель: ", "Customer: "))
                    .append(esc(Html.clip(r.userName(), 100)))
                    .append('\n');
        }
        quote(b, null, r.text(), REVIEW_TEXT_MAX);
        quote(b, t("Достоинства", "Pros"), r.pros(), REVIEW_PART_MAX);
        quote(b, t("Недостатки", "Cons"), r.cons(), REVIEW_PART_MAX);
        b.append("🕒 ").append(when(r.createdDate())).append('\n');
        return new Card(b, r.imageUrl());
    }

    private Card question(EventFacts.Question q) {
        StringBuilder b = new StringBuilder("❓ <b>")
                .append(t("Вопрос покупателя", "Customer question"))
                .append("</b>\n");
        product(b, q.productName(), q.vendorCode(), q.nmId(), null);
        quote(b, null, q.text(), REVIEW_TEXT_MAX);
        b.append("🕒 ").append(when(q.createdDate())).append('\n');
        return new Card(b, q.imageUrl());
    }

    private Card stock(EventFacts.Stock s) {
        StringBuilder b = new StringBuilder("📉 <b>")
                .append(t("Критичный остаток", "Critical stock"))
                .append("</b>\n");
        product(b, s.title(), s.vendorCode(), s.nmId(), null);
        b.append(t("Осталось: ", "Left: "))
                .append("<b>")
                .append(s.total())
                .append(t(" шт.", " pcs"))
                .append("</b>")
                .append(t(" (было ", " (was "))
                .append(s.totalBefore())
                .append(")\n");
        if (!s.warehouses().isEmpty()) {
            b.append(t("Где:", "Where:")).append('\n');
            for (EventFacts.WarehouseLevel level : s.warehouses()) {
                b.append("• ")
                        .append(esc(level.warehouse()))
                        .append(": ")
                        .append(level.quantity())
                        .append('\n');
            }
        }
        b.append(t("Пора пополнить запас.", "Time to restock.")).append('\n');
        return new Card(b, s.imageUrl());
    }

    private Card runway(EventFacts.Runway r) {
        StringBuilder b = new StringBuilder("⏳ <b>")
                .append(t("Скоро закончится", "Running out soon"))
                .append("</b>\n");
        product(b, r.title(), r.vendorCode(), r.nmId(), null);
        b.append(t("Хватит ", "Lasts ")).append("<b>").append(runwayLine(r)).append("</b>\n");
        b.append(t(
                        "По темпу заказов за 14 дней. Пора планировать поставку.",
                        "At the pace of the last 14 days' orders. Time to plan a shipment."))
                .append('\n');
        return new Card(b, r.imageUrl());
    }

    private Card price(EventType type, EventFacts.Price p) {
        StringBuilder b = new StringBuilder();
        if (type == EventType.PRICE_QUARANTINE) {
            b.append("🚫 <b>")
                    .append(t("Цена в карантине", "Price in quarantine"))
                    .append("</b>\n");
            product(b, p.title(), p.vendorCode(), p.nmId(), null);
            b.append(t("WB не применил новую цену ", "WB did not apply the new price "))
                    .append("<b>")
                    .append(rub(p.newDiscounted()))
                    .append("</b>")
                    .append(t(" (скидка ", " (discount "))
                    .append(p.newDiscount())
                    .append("%)")
                    .append(t(
                            ": она ниже текущей в 3 раза и больше.", ": it is 3 or more times below the current one."))
                    .append('\n');
            b.append(t("Товар продаётся по старой цене ", "The product sells at the old price "))
                    .append("<b>")
                    .append(rub(p.oldDiscounted()))
                    .append("</b>.\n");
            b.append(t(
                            "Подтвердите или исправьте цену в личном кабинете WB.",
                            "Confirm or correct the price in the WB seller portal."))
                    .append('\n');
        } else {
            b.append("💸 <b>").append(t("Цена изменилась", "Price changed")).append("</b>\n");
            product(b, p.title(), p.vendorCode(), p.nmId(), null);
            b.append(t("Цена со скидкой: ", "Price after discount: "))
                    .append(rub(p.oldDiscounted()))
                    .append(" → <b>")
                    .append(rub(p.newDiscounted()))
                    .append("</b>\n");
            change(b, t("Цена до скидки: ", "Price before discount: "), rub(p.oldPrice()), rub(p.newPrice()));
            change(b, t("Скидка: ", "Discount: "), p.oldDiscount() + "%", p.newDiscount() + "%");
        }
        return new Card(b, p.imageUrl());
    }

    /** "label before → after", or only the value when it did not change (WB often moves just the discount). */
    private static void change(StringBuilder b, String label, String before, String after) {
        b.append(label)
                .append(before.equals(after) ? after : before + " → " + after)
                .append('\n');
    }

    /** "≈ 4 дня: 37 шт., ~9 в день". */
    private String runwayLine(EventFacts.Runway r) {
        return "≈ " + days(r.daysLeft()) + ": " + r.total() + t(" шт., ~", " pcs, ~") + number(r.perDay())
                + t(" в день", " a day");
    }

    private Card digest(EventFacts.Digest d, String cabinetName) {
        StringBuilder b = new StringBuilder("📊 <b>")
                .append(t("Итоги ", "Digest for "))
                .append(d.date().format(DAY));
        if (d.upTo() != null) {
            b.append(t(" до ", " until ")).append(d.upTo().format(CLOCK));
        }
        b.append("</b>\n");
        String weekAgo = d.date().minusDays(7).format(DAY);
        b.append(t("Сравнение с ", "Compared with ")).append(weekAgo).append('\n');
        EventFacts.DigestFigures now = d.current();
        EventFacts.DigestFigures then = d.weekAgo();
        b.append("🛒 ")
                .append(t("Заказы: ", "Orders: "))
                .append("<b>")
                .append(now.orders())
                .append("</b> · ")
                .append(rub(now.ordersSum()))
                .append(change(now.orders(), then.orders()))
                .append('\n');
        b.append("💰 ")
                .append(t("Выкупы: ", "Buyouts: "))
                .append(now.buyouts())
                .append(" · ")
                .append(rub(now.buyoutsSum()))
                .append(change(now.buyouts(), then.buyouts()))
                .append('\n');
        b.append("❌ ")
                .append(t("Отмены: ", "Cancellations: "))
                .append(now.cancellations())
                .append(change(now.cancellations(), then.cancellations()))
                .append('\n');
        b.append("↩️ ")
                .append(t("Возвраты: ", "Returns: "))
                .append(now.returns())
                .append(change(now.returns(), then.returns()))
                .append('\n');
        b.append("📈 ")
                .append(t("Выкуп: ", "Buyout rate: "))
                .append(percent(now.buyoutRate()))
                .append(t(" (неделю назад ", " (a week ago "))
                .append(percent(then.buyoutRate()))
                .append(")\n");
        if (!d.top().isEmpty()) {
            b.append("🏆 ").append(t("Топ заказов:", "Top orders:")).append('\n');
            for (int i = 0; i < d.top().size(); i++) {
                EventFacts.TopLine line = d.top().get(i);
                b.append(i + 1)
                        .append(". ")
                        .append(shortName(line.title(), line.nmId()))
                        .append(" — ")
                        .append(line.count())
                        .append(t(" шт.", " pcs"))
                        .append('\n');
            }
        }
        if (!d.runningOut().isEmpty()) {
            b.append("⏳ ")
                    .append(t("Закончатся за ", "Run out within "))
                    .append(days(BigDecimal.valueOf(d.runwayDays())))
                    .append(":\n");
            for (EventFacts.Runway r : d.runningOut()) {
                b.append("• ")
                        .append(shortName(r.title(), r.nmId()))
                        .append(" — ")
                        .append(runwayLine(r))
                        .append('\n');
            }
        }
        b.append("💬 ")
                .append(t("Отзывы без ответа: ", "Unanswered reviews: "))
                .append(d.unansweredReviews())
                .append('\n');
        b.append("❓ ")
                .append(t("Вопросы без ответа: ", "Unanswered questions: "))
                .append(d.unansweredQuestions())
                .append('\n');
        Notifications.Chart chart = new Notifications.Chart(
                plain(cabinetName) + " · " + t("14 дней", "14 days"),
                t("Заказы", "Orders"),
                t("Выкупы", "Buyouts"),
                d.chart().stream()
                        .map(day -> new Notifications.ChartDay(
                                day.date(),
                                new Insights.Tally(
                                        day.orders().count(), day.orders().sum()),
                                new Insights.Tally(
                                        day.buyouts().count(), day.buyouts().sum())))
                        .toList());
        return new Card(b, null, chart);
    }

    /** " (+12 %)" against the week-ago figure; " (was 0)" when there is nothing to divide by. */
    private String change(long now, long before) {
        if (before == 0) {
            return now == 0 ? "" : t(" (было 0)", " (was 0)");
        }
        long pct = Math.round((now - before) * 100.0 / before);
        return " (" + (pct > 0 ? "+" : pct < 0 ? "−" : "±") + Math.abs(pct) + "%)";
    }

    private String percent(BigDecimal rate) {
        return rate == null ? "—" : number(rate.movePointRight(2).setScale(1, java.math.RoundingMode.HALF_UP)) + "%";
    }

    /** "4 дня", "1 день", "5 дней", "2,5 дня" / "4 days". */
    private String days(BigDecimal value) {
        String n = number(value);
        if (english) {
            return n + (value.compareTo(BigDecimal.ONE) == 0 ? " day" : " days");
        }
        if (value.stripTrailingZeros().scale() > 0) {
            return n + " дня";
        }
        long whole = value.longValue();
        long mod100 = whole % 100;
        long mod10 = whole % 10;
        String word =
                mod100 >= 11 && mod100 <= 14 ? "дней" : mod10 == 1 ? "день" : mod10 >= 2 && mod10 <= 4 ? "дня" : "дней";
        return n + " " + word;
    }

    private String number(BigDecimal value) {
        synchronized (money) {
            return money.format(value);
        }
    }

    private String shortName(String title, long nmId) {
        return title == null || title.isBlank()
                ? t("Товар ", "Product ") + nmId
                : esc(Html.clip(title, DIGEST_TITLE_MAX));
    }

    /** A cabinet name for the chart's title (drawn, not HTML). */
    private static String plain(String value) {
        return value == null ? "" : Html.clip(value, 60);
    }

    private Card key(EventType type, EventFacts.Key k) {
        StringBuilder b = new StringBuilder();
        if (type == EventType.KEY_INVALID) {
            b.append("🔑 <b>")
                    .append(t("Ключ WB API не работает", "The WB API key stopped working"))
                    .append("</b>\n");
            if (k.reason() != null && !k.reason().isBlank()) {
                b.append(t("WB ответил: ", "WB said: "))
                        .append(esc(Html.clip(k.reason(), 300)))
                        .append('\n');
            }
            b.append(t(
                            "Синхронизация остановлена. Создайте новый ключ в личном кабинете WB и подключите его.",
                            "Sync is stopped. Create a new key in the WB seller portal and connect it."))
                    .append('\n');
        } else {
            b.append("⏳ <b>")
                    .append(t("Ключ WB API скоро истечёт", "The WB API key expires soon"))
                    .append("</b>\n");
            b.append(t("Осталось дней: ", "Days left: ")).append(k.daysLeft()).append('\n');
            if (k.expiresAt() != null) {
                b.append(t("Истекает: ", "Expires: "))
                        .append(when(k.expiresAt()))
                        .append('\n');
            }
            b.append(t(
                            "Создайте новый ключ и подключите его, чтобы уведомления не прервались.",
                            "Create a new key and connect it so notifications keep coming."))
                    .append('\n');
        }
        return new Card(b, null);
    }

    private String summary(EventFacts facts) {
        return switch (facts) {
            case EventFacts.Order o ->
                name(o.title(), o.nmId())
                        + (o.size() != null && !o.size().equals("0") ? " (" + esc(o.size()) + ")" : "") + " — "
                        + rub(o.priceWithDisc()) + ", " + esc(o.warehouse())
                        + " → " + esc(o.region()) + ", "
                        + clock(o.cancelDate() != null ? o.cancelDate() : o.orderDate());
            case EventFacts.Sale s ->
                name(s.title(), s.nmId()) + " — " + rub(s.priceWithDisc()) + ", " + clock(s.saleDate());
            case EventFacts.Review r ->
                stars(r.rating()) + " " + name(r.productName(), r.nmId()) + ": "
                        + esc(Html.clip(r.text() == null || r.text().isBlank() ? r.cons() : r.text(), 120));
            case EventFacts.Question q -> name(q.productName(), q.nmId()) + ": " + esc(Html.clip(q.text(), 120));
            case EventFacts.Stock s -> name(s.title(), s.nmId()) + " — " + s.total() + t(" шт.", " pcs");
            case EventFacts.Runway r -> name(r.title(), r.nmId()) + " — " + runwayLine(r);
            case EventFacts.Price p ->
                name(p.title(), p.nmId()) + " — " + rub(p.oldDiscounted()) + " → " + rub(p.newDiscounted());
            case EventFacts.Digest d -> t("Итоги ", "Digest ") + d.date().format(DAY);
            case EventFacts.Key k -> esc(k.reason());
            case EventFacts.Test t -> esc(t.note());
        };
    }

    private void product(StringBuilder b, String title, String vendorCode, long nmId, String size) {
        b.append("<b>").append(name(title, nmId)).append("</b>\n");
        b.append(t("Артикул: ", "Article: "));
        if (vendorCode != null && !vendorCode.isBlank()) {
            b.append("<code>").append(esc(Html.clip(vendorCode, 80))).append("</code> · ");
        }
        b.append("WB ").append(nmId).append('\n');
        if (size != null && !size.isBlank() && !size.equals("0")) {
            b.append(t("Размер: ", "Size: ")).append(esc(Html.clip(size, 40))).append('\n');
        }
    }

    /** "🏬 warehouse (whose) → where the buyer is"; what is unknown is left out. */
    private void route(StringBuilder b, String warehouse, String warehouseType, String region) {
        if (warehouse == null && region == null) {
            return;
        }
        b.append("🏬 ").append(esc(warehouse == null ? "—" : warehouse));
        String whose = warehouseType == null
                ? null
                : warehouseType.contains("WB")
                        ? t("склад WB", "WB warehouse")
                        : warehouseType.contains("продавца") ? t("склад продавца", "seller's warehouse") : null;
        if (whose != null) {
            b.append(" (").append(whose).append(')');
        }
        b.append(" → ").append(esc(region == null ? "—" : region)).append('\n');
    }

    /** The order feed's {@code cancelType} in words; null for "other" and unknown reasons. */
    private String cancelReason(String cancelType) {
        if (cancelType == null) {
            return null;
        }
        return switch (cancelType) {
            case "app" -> t("покупатель отменил заказ до получения", "the buyer cancelled before pickup");
            case "receipt" -> t("покупатель отказался при получении", "the buyer refused it at pickup");
            case "expire" -> t("заказ не забрали вовремя", "it was not picked up in time");
            default -> null;
        };
    }

    private void quote(StringBuilder b, String label, String text, int max) {
        if (text == null || text.isBlank()) {
            return;
        }
        if (label != null) {
            b.append("<b>").append(label).append(":</b> ");
        }
        b.append("<i>").append(esc(Html.clip(text, max))).append("</i>\n");
    }

    private String name(String title, long nmId) {
        return title == null || title.isBlank() ? t("Товар ", "Product ") + nmId : esc(Html.clip(title, TITLE_MAX));
    }

    private String groupTitle(EventType type) {
        return switch (type) {
            case NEW_ORDER -> t("Новые заказы", "New orders");
            case ORDER_BUYOUT -> t("Выкупы", "Buyouts");
            case ORDER_CANCELLATION -> t("Отмены заказов", "Cancelled orders");
            case ORDER_RETURN -> t("Возвраты", "Returns");
            case NEGATIVE_REVIEW -> t("Негативные отзывы", "Negative reviews");
            case NEW_QUESTION -> t("Вопросы покупателей", "Customer questions");
            case CRITICAL_STOCK -> t("Критичные остатки", "Critical stock");
            case STOCK_RUNWAY -> t("Скоро закончатся", "Running out soon");
            case PRICE_CHANGED -> t("Цены изменились", "Prices changed");
            case PRICE_QUARANTINE -> t("Цены в карантине", "Prices in quarantine");
            case DAILY_DIGEST -> t("Итоги дня", "Daily digest");
            case KEY_INVALID, KEY_EXPIRING -> t("Ключ WB API", "WB API key");
            case TEST -> t("Тест", "Test");
        };
    }

    private static String icon(EventType type) {
        return switch (type) {
            case NEW_ORDER -> "🛒";
            case ORDER_BUYOUT -> "💰";
            case ORDER_CANCELLATION -> "❌";
            case ORDER_RETURN -> "↩️";
            case NEGATIVE_REVIEW -> "⭐";
            case NEW_QUESTION -> "❓";
            case CRITICAL_STOCK -> "📉";
            case STOCK_RUNWAY -> "⏳";
            case PRICE_CHANGED -> "💸";
            case PRICE_QUARANTINE -> "🚫";
            case DAILY_DIGEST -> "📊";
            case KEY_INVALID, KEY_EXPIRING -> "🔑";
            case TEST -> "🧪";
        };
    }

    private static String stars(int rating) {
        int r = Math.max(0, Math.min(5, rating));
        return "★".repeat(r) + "☆".repeat(5 - r);
    }

    private String rub(BigDecimal amount) {
        if (amount == null) {
            return "—";
        }
        synchronized (money) {
            return money.format(amount) + " ₽";
        }
    }

    private String when(Instant instant) {
        return instant == null ? "—" : Moscow.toMsk(instant).format(WHEN) + t(" МСК", " MSK");
    }

    private static String clock(Instant instant) {
        return instant == null ? "" : Moscow.toMsk(instant).format(CLOCK);
    }

    private static String esc(String value) {
        return Html.escape(value);
    }

    private String t(String ru, String en) {
        return english ? en : ru;
    }

    /** A caption's limit when the card goes with a photo or a chart, else a message's. */
    static int limit(Rendered card) {
        return card.imageUrl() == null && card.chart() == null ? TEXT_LIMIT : CAPTION_LIMIT;
    }

    /** A card being built: its lines and photo or chart; finishing adds the cabinet and fits the limit. */
    private record Card(StringBuilder body, String imageUrl, Notifications.Chart chart) {

        Card(StringBuilder body, String imageUrl) {
            this(body, imageUrl, null);
        }

        Rendered finish(String cabinetName) {
            String photo = imageUrl != null && (imageUrl.startsWith("https://") || imageUrl.startsWith("http://"))
                    ? imageUrl
                    : null;
            if (cabinetName != null && !cabinetName.isBlank()) {
                body.append("🏷 ").append(esc(Html.clip(cabinetName, 100)));
            }
            Rendered draft = new Rendered(body.toString().stripTrailing(), photo, chart);
            return new Rendered(Html.truncate(draft.text(), limit(draft)), photo, chart);
        }
    }
}
