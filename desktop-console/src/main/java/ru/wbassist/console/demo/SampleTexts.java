package ru.wbassist.console.demo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import ru.wbassist.api.Insights;
import ru.wbassist.api.Notifications;
import ru.wbassist.console.common.MoscowTime;

/**
 * Notification texts in the Telegram HTML the server renders (Russian, or English for users who chose it), for the
 * demo data set: the console's previews and screenshots show what users get without a server. The symbols are ones
 * DejaVu Sans has (the fonts a bare Linux box has), not colour emoji, so the demo renders everywhere.
 */
final class SampleTexts {

    /** A product line the demo's events are about. */
    record Product(long nmId, String title, String article, String size, int price, String warehouse, String region) {}

    static final List<Product> PRODUCTS = List.of(
            new Product(
                    184503921, "Кроссовки беговые Air Run", "AR-2041", "42", 4990, "Коледино", "Московская область"),
            new Product(
                    184503922, "Худи оверсайз с капюшоном", "HD-0312", "L", 3290, "Электросталь", "Санкт-Петербург"),
            new Product(
                    201774310,
                    "Набор полотенец <Premium> & халат",
                    "TW-7710",
                    "ONE",
                    2590,
                    "Казань",
                    "Республика Татарстан"),
            new Product(
                    201774388,
                    "Комбинезон детский зимний",
                    "KD-5521",
                    "104",
                    6490,
                    "Подольск",
                    "Новосибирская область"),
            new Product(
                    209310554,
                    "Крем для лица увлажняющий 50 мл",
                    "CR-0050",
                    "ONE",
                    890,
                    "Краснодар",
                    "Ростовская область"));

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private SampleTexts() {}

    static String render(String type, String language, String cabinet, Product product, Instant at) {
        boolean en = "en".equals(language);
        String shop = escape(cabinet);
        String title = escape(product.title());
        String when = "<i>" + at.atZone(MoscowTime.ZONE).format(TIME) + (en ? " MSK" : " МСК") + "</i>";
        String price = String.format("%,d", product.price()).replace(',', ' ') + " ₽";
        String item = "<b>" + title + "</b>\n" + (en ? "Article: " : "Артикул: ") + "<code>" + escape(product.article())
                + "</code> · " + (en ? "size " : "размер ") + escape(product.size()) + "\n";
        return switch (type) {
            case Notifications.Types.NEW_ORDER ->
                (en ? "✚ <b>New order</b> · " : "✚ <b>Новый заказ</b> · ") + shop + "\n\n"
                        + item + (en ? "Price: <b>" : "Цена: <b>") + price + "</b>\n"
                        + (en ? "Warehouse: " : "Склад: ") + escape(product.warehouse()) + " → "
                        + escape(product.region())
                        + "\n\n" + when;
            case Notifications.Types.ORDER_BUYOUT ->
                (en ? "✔ <b>Buyout</b> · " : "✔ <b>Выкуп</b> · ") + shop + "\n\n" + item
                        + (en ? "To be paid: <b>" : "К перечислению: <b>") + price + "</b>\n\n" + when;
            case Notifications.Types.ORDER_CANCELLATION ->
                (en ? "✖ <b>Order cancelled</b> · " : "✖ <b>Отмена заказа</b> · ") + shop + "\n\n" + item
                        + (en ? "Price: <s>" : "Цена: <s>") + price + "</s>\n\n" + when;
            case Notifications.Types.ORDER_RETURN ->
                (en ? "↩ <b>Return</b> · " : "↩ <b>Возврат</b> · ") + shop + "\n\n" + item
                        + (en ? "Refund: <b>" : "Возврат средств: <b>") + price + "</b>\n\n" + when;
            case Notifications.Types.NEGATIVE_REVIEW ->
                (en ? "★ <b>Negative review: 2 of 5</b> · " : "★ <b>Негативный отзыв: 2 из 5</b> · ") + shop + "\n\n<b>"
                        + title + "</b>\n"
                        + (en
                                ? "<blockquote>Runs small, the sole came off after a week &amp; no reply from the seller.</blockquote>\n"
                                : "<blockquote>Маломерит, подошва отклеилась через неделю &amp; продавец не отвечает.</blockquote>\n")
                        + (en ? "Buyer: Olga\n" : "Покупатель: Ольга\n")
                        + "<a href=\"https://seller.wildberries.ru/feedbacks/feedbacks-tab/not-answered\">"
                        + (en ? "Reply in the seller portal" : "Ответить в кабинете продавца") + "</a>\n\n" + when;
            case Notifications.Types.NEW_QUESTION ->
                (en ? "❓ <b>Customer question</b> · " : "❓ <b>Вопрос покупателя</b> · ") + shop + "\n\n<b>" + title
                        + "</b>\n"
                        + (en
                                ? "<blockquote>Is it true to size? I usually wear 42.</blockquote>\n"
                                : "<blockquote>Размер соответствует? Обычно ношу 42.</blockquote>\n")
                        + "\n" + when;
            case Notifications.Types.CRITICAL_STOCK ->
                (en ? "⚠ <b>Critical stock</b> · " : "⚠ <b>Критический остаток</b> · ")
                        + shop + "\n\n<b>" + title + "</b> (<code>" + escape(product.article()) + "</code>)\n"
                        + (en
                                ? "Left: <b>3 pcs</b>, about 1 day of sales\n"
                                : "Осталось: <b>3 шт.</b>, примерно на 1 день продаж\n")
                        + escape(product.warehouse()) + ": 2 · Электросталь: 1\n\n" + when;
            case Notifications.Types.STOCK_RUNWAY ->
                (en ? "⏳ <b>Running out soon</b>\n" : "⏳ <b>Скоро закончится</b>\n")
                        + "<b>" + title + "</b> (<code>" + escape(product.article()) + "</code>)\n"
                        + (en
                                ? "Lasts <b>≈ 4 days: 37 pcs, ~9.2 a day</b>\n"
                                : "Хватит <b>≈ 4 дня: 37 шт., ~9,2 в день</b>\n")
                        + "🏷 " + shop;
            case Notifications.Types.DAILY_DIGEST ->
                (en ? "📊 <b>Digest for " : "📊 <b>Итоги ")
                        + at.minus(Duration.ofDays(1))
                                .atZone(MoscowTime.ZONE)
                                .format(DateTimeFormatter.ofPattern("dd.MM"))
                        + "</b>\n"
                        + (en
                                ? "🛒 Orders: <b>52</b> (+13%)\n💰 Buyouts: 39 (+11%)\n"
                                : "🛒 Заказы: <b>52</b> (+13%)\n💰 Выкупы: 39 (+11%)\n")
                        + "🏷 " + shop;
            case Notifications.Types.PRICE_CHANGED ->
                (en ? "💸 <b>Price changed</b>\n" : "💸 <b>Цена изменилась</b>\n")
                        + "<b>" + title + "</b>\n"
                        + (en
                                ? "Price after discount: 1,743 ₽ → <b>1,369 ₽</b>\n"
                                : "Цена со скидкой: 1 743 ₽ → <b>1 369 ₽</b>\n")
                        + "🏷 " + shop;
            case Notifications.Types.PRICE_QUARANTINE ->
                (en ? "🚫 <b>Price in quarantine</b>\n" : "🚫 <b>Цена в карантине</b>\n")
                        + "<b>" + title + "</b>\n"
                        + (en
                                ? "The product sells at the old price <b>1,743 ₽</b>.\n"
                                : "Товар продаётся по старой цене <b>1 743 ₽</b>.\n")
                        + "🏷 " + shop;
            case Notifications.Types.KEY_INVALID ->
                (en
                                ? "⚠ <b>The WB API key is not valid</b>\n\nCabinet «"
                                : "⚠ <b>Ключ API WB недействителен</b>\n\nКабинет «")
                        + shop
                        + (en
                                ? "»: WB rejected the key (401). Sync is paused.\nConnect a new key: /cabinets"
                                : "»: WB отклонил ключ (401). Синхронизация приостановлена.\nПодключите новый ключ: /cabinets")
                        + "\n\n" + when;
            case Notifications.Types.KEY_EXPIRING ->
                (en
                                ? "ℹ <b>The WB API key expires soon</b>\n\nCabinet «"
                                : "ℹ <b>Ключ API WB скоро истечёт</b>\n\nКабинет «")
                        + shop
                        + (en ? "»: the key is valid until <b>" : "»: ключ действует до <b>")
                        + at.plus(Duration.ofDays(5))
                                .atZone(MoscowTime.ZONE)
                                .format(DateTimeFormatter.ofPattern("dd.MM.yyyy"))
                        + "</b>.\n\n" + when;
            default ->
                (en
                                ? "✉ <b>Test notification</b>\n\nIf you read this, notifications reach you. &lt;3"
                                : "✉ <b>Тестовое уведомление</b>\n\nЕсли вы читаете это, уведомления доходят. &lt;3")
                        + "\n\n" + when;
        };
    }

    /** The daily digest's 14 days up to yesterday (Moscow), as the server sends them for the bot to draw. */
    static Notifications.Chart digestChart(String language, String cabinet, Instant at) {
        boolean en = "en".equals(language);
        LocalDate yesterday = LocalDate.ofInstant(at, MoscowTime.ZONE).minusDays(1);
        List<Notifications.ChartDay> days = new ArrayList<>();
        for (int back = 13; back >= 0; back--) {
            LocalDate day = yesterday.minusDays(back);
            int orders =
                    38 + (day.getDayOfMonth() * 7) % 19 + (day.getDayOfWeek().getValue() >= 6 ? 12 : 0);
            int buyouts = orders * 3 / 4;
            days.add(new Notifications.ChartDay(
                    day,
                    new Insights.Tally(orders, BigDecimal.valueOf(orders * 1490L)),
                    new Insights.Tally(buyouts, BigDecimal.valueOf(buyouts * 1490L))));
        }
        return new Notifications.Chart(
                cabinet + " · " + (en ? "14 days" : "14 дней"),
                en ? "Orders" : "Заказы",
                en ? "Buyouts" : "Выкупы",
                days);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
