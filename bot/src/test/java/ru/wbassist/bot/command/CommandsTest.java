package ru.wbassist.bot.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import ru.wbassist.bot.i18n.Lang;
import ru.wbassist.bot.i18n.Texts;
import ru.wbassist.bot.telegram.Messenger;
import ru.wbassist.bot.testing.FakeServer;

/**
 * Each command on its own: the request in, the server calls and the replies out, with no Telegram and no polling
 * (BotCommandsTest runs the same commands through the whole bot and the Telegram emulator).
 */
class CommandsTest {

    private static final long CHAT = 501;
    private static final Sender ANNA = new Sender(CHAT, "anna", "Анна <A&B>", null, "ru");
    private static final Texts RU = Texts.of(Lang.RU);

    private final FakeServer server = new FakeServer();
    private final RecordingMessenger messenger = new RecordingMessenger();
    private final Languages languages = new Languages(server);

    @Test
    void startRegistersTheUserAndGreetsThemByTheirEscapedName() {
        run(new StartCommand(server, messenger, languages), "start", null);

        assertThat(server.calls()).contains("register");
        // a user without a daily digest is offered one under the greeting
        assertThat(messenger.only().text())
                .isEqualTo(RU.get("start.welcome", "Анна &lt;A&amp;B&gt;") + "\n\n" + RU.get("start.next.connect")
                        + "\n\n" + RU.get("digest.offer"));
    }

    @Test
    void startTellsAUserWithCabinetsThatTheyAreReady() {
        server.addCabinet(CHAT, "Shop");

        run(new StartCommand(server, messenger, languages), "start", null);

        assertThat(messenger.only().text()).contains(RU.get("start.next.ready", 1));
    }

    @Test
    void connectWithoutAKeyAsksForIt() {
        run(new ConnectCommand(server, messenger), "connect", null);

        assertThat(messenger.only().text()).isEqualTo(RU.get("connect.ask"));
        assertThat(server.calls()).doesNotContain("connectCabinet");
    }

    @Test
    void connectWithAKeyDeletesTheMessageHoldingItAndNamesTheCabinet() {
        run(new ConnectCommand(server, messenger), "connect", "eyJhbGciOiJFUzI1NiJ9.secret");

        assertThat(server.calls()).contains("connectCabinet");
        assertThat(messenger.actions).extracting(Action::method).containsExactly("deleteMessage", "sendText");
        assertThat(messenger.actions.getFirst().messageId()).isEqualTo(77);
        assertThat(messenger.actions.get(1).text())
                .isEqualTo(RU.get("connect.ok", "Магазин &lt;Лето&gt; &amp; Ко"))
                .doesNotContain("secret");
    }

    @Test
    void aRejectedKeyIsExplainedWithTheServersReason() {
        run(new ConnectCommand(server, messenger), "connect", FakeServer.BAD_KEY);

        assertThat(messenger.actions.getLast().text())
                .isEqualTo(RU.get("connect.failed", "WB rejected the key: 401 Unauthorized"));
    }

    @Test
    void readCommandsWithoutCabinetsSayThereAreNone() {
        for (Command command : List.of(
                new DashboardCommand(server, messenger),
                new StocksCommand(server, messenger),
                new ReviewsCommand(server, messenger),
                new SyncCommand(server, messenger))) {
            run(command, command.name(), null);
        }

        assertThat(messenger.actions)
                .extracting(Action::text)
                .containsOnly(RU.get("common.no_cabinets"))
                .hasSize(4);
    }

    @Test
    void dashboardStocksAndReviewsEscapeWhatSellersAndBuyersWrote() {
        server.addCabinet(CHAT, "Shop & Co");

        run(new DashboardCommand(server, messenger), "dashboard", null);
        run(new StocksCommand(server, messenger), "stocks", null);
        run(new ReviewsCommand(server, messenger), "reviews", null);

        assertThat(messenger.actions.get(0).text()).contains("Shop &amp; Co").doesNotContain("Shop & Co");
        assertThat(messenger.actions.get(1).text()).contains("Футболка &amp; шорты");
        assertThat(messenger.actions.get(2).text()).contains("Пришло &lt;не то&gt;");
    }

    @Test
    void ordersShowTheFirstPageWithFilterAndPagingButtons() {
        server.addCabinet(CHAT, "Shop");

        run(new OrdersCommand(server, messenger), "orders", null);

        assertThat(server.calls()).anyMatch(call -> call.startsWith("orders null ") && call.endsWith(" 0"));
        assertThat(messenger.only().text()).contains("Платье &lt;летнее&gt; №1");
        assertThat(messenger.only().callbackData()).isNotEmpty().allMatch(data -> data.startsWith("ord:"));
    }

    @Test
    void analyticsTakesAKnownPeriodAndFallsBackToSevenDays() {
        server.addCabinet(CHAT, "Shop");

        run(new AnalyticsCommand(server, messenger), "analytics", "30d");
        run(new AnalyticsCommand(server, messenger), "analytics", "forever");

        assertThat(server.calls()).contains("analytics 30d", "analytics 7d");
    }

    @Test
    void cabinetsListsEachWithALeaveButton() {
        server.addCabinet(CHAT, "Shop");

        run(new CabinetsCommand(server, messenger), "cabinets", null);

        assertThat(messenger.only().callbackData()).singleElement().asString().startsWith("cab:leave:");
    }

    @Test
    void syncStartsAndShowsEachDataSet() {
        server.addCabinet(CHAT, "Shop");

        run(new SyncCommand(server, messenger), "sync", null);

        assertThat(server.calls()).contains("startSync", "syncStatus");
        assertThat(messenger.only().text()).startsWith(RU.get("sync.started", 1));
        assertThat(messenger.only().callbackData()).containsExactly("sync:status");
    }

    @Test
    void settingsShowTheMenuOfTheStoredSettings() {
        run(new SettingsCommand(server, messenger, languages), "settings", null);

        assertThat(server.calls()).contains("settings");
        assertThat(messenger.only().callbackData()).contains("set:all", "set:ord", "set:lng");
    }

    @Test
    void stopTurnsNotificationsOff() {
        run(new StopCommand(server, messenger), "stop", null);

        assertThat(server.storedSettings(CHAT)).containsEntry("notifications_enabled", false);
        assertThat(messenger.only().text()).isEqualTo(RU.get("stop.done"));
    }

    @Test
    void testQueuesTheAskedTypeOrANewOrder() {
        run(new TestCommand(server, messenger), "test", "negative_review");
        run(new TestCommand(server, messenger), "test", "nonsense");

        assertThat(server.calls()).contains("sendTest negative_review", "sendTest new_order");
        assertThat(messenger.actions).extracting(Action::text).containsOnly(RU.get("test.queued"));
    }

    @Test
    void langSwitchesAndAnswersInTheNewLanguageOrOffersTheChoice() {
        run(new LangCommand(server, messenger, languages), "lang", "en");
        run(new LangCommand(server, messenger, languages), "lang", null);

        assertThat(server.storedSettings(CHAT)).containsEntry("language", "en");
        assertThat(messenger.actions.get(0).text()).isEqualTo(Texts.of(Lang.EN).get("lang.done"));
        assertThat(messenger.actions.get(1).text()).isEqualTo(RU.get("lang.choose"));
        assertThat(messenger.actions.get(1).callbackData()).isNotEmpty();
    }

    @Test
    void helpAndUnknownInputPointToTheCommands() {
        run(new HelpCommand(messenger), "help", null);
        run(new UnknownCommand(messenger), "f<o>o", null);
        new UnknownCommand(messenger).execute(new CommandRequest(CHAT, ANNA, null, "привет", 78, RU));

        assertThat(messenger.actions)
                .extracting(Action::text)
                .containsExactly(RU.get("help"), RU.get("unknown.command", "/f&lt;o&gt;o"), RU.get("unknown.text"));
    }

    @Test
    void aSettingsButtonSavesTheChangeAndRedrawsTheMenuInPlace() {
        String saved = new SettingsCommand(server, messenger, languages).handle(press("set:ord"));

        assertThat(saved).isEqualTo(RU.get("settings.saved"));
        assertThat(server.storedSettings(CHAT)).containsEntry("new_orders_enabled", false);
        assertThat(messenger.only().method()).isEqualTo("editText");
        assertThat(messenger.only().messageId()).isEqualTo(900);
        assertThat(new SettingsCommand(server, messenger, languages).handle(press("set:nonsense")))
                .isEqualTo(RU.get("callback.outdated"));
    }

    @Test
    void leavingACabinetAsksFirstAndLeavesOnlyOnYes() {
        server.addCabinet(CHAT, "Shop <1>");
        long id = server.cabinets(CHAT).getFirst().id();
        CabinetsCommand cabinets = new CabinetsCommand(server, messenger);

        assertThat(cabinets.handle(press("cab:leave:" + id))).isEmpty();
        assertThat(messenger.only().text()).isEqualTo(RU.get("cabinets.confirm", "Shop &lt;1&gt;"));
        assertThat(messenger.only().callbackData()).containsExactly("cab:yes:" + id, "cab:list");
        assertThat(server.cabinets(CHAT)).hasSize(1);

        assertThat(cabinets.handle(press("cab:yes:" + id))).isEqualTo(RU.get("cabinets.left"));
        assertThat(server.cabinets(CHAT)).isEmpty();
        assertThat(messenger.actions.getLast().text()).isEqualTo(RU.get("cabinets.none"));
    }

    @Test
    void anOrdersButtonFiltersAndPagesInPlace() {
        server.addCabinet(CHAT, "Shop");

        new OrdersCommand(server, messenger).handle(press("ord:buyout:10"));

        assertThat(server.calls()).anyMatch(call -> call.startsWith("orders buyout ") && call.endsWith(" 10"));
        assertThat(messenger.only().method()).isEqualTo("editText");
        assertThat(messenger.only().text()).contains("Платье &lt;летнее&gt; №11");
    }

    @Test
    void templatesAreAddedWithTheirPlaceholdersAndDeletedInPlace() {
        server.addCabinet(CHAT, "Shop <1>");
        TemplatesCommand templates = new TemplatesCommand(server, messenger);

        run(templates, "templates", "add");
        assertThat(messenger.actions.getLast().text())
                .isEqualTo(RU.get("templates.usage", "{buyer}", "{product}", "{rating}"));
        run(templates, "templates", "add {buyer}, спасибо за {rating}★!");
        assertThat(server.calls()).contains("add template");
        assertThat(messenger.actions.getLast().text()).isEqualTo(RU.get("templates.added", "Shop &lt;1&gt;"));

        assertThat(templates.handle(press("tp:d:1"))).isEqualTo(RU.get("templates.deleted"));
        assertThat(server.calls()).contains("delete template 1");
        assertThat(messenger.actions.getLast().method()).isEqualTo("editText");
        assertThat(messenger.actions.getLast().messageId()).isEqualTo(900);
    }

    @Test
    void theOwnerSwitchesMembersAnsweringInPlaceAndAMemberGetsNoSwitch() {
        server.addCabinet(CHAT, "Shop <1>");
        long id = server.cabinets(CHAT).getFirst().id();
        TemplatesCommand templates = new TemplatesCommand(server, messenger);

        run(templates, "templates", null);
        assertThat(messenger.only().callbackData()).containsExactly("tp:d:1", "tp:d:3", "tp:m:" + id + ":0");
        assertThat(messenger.only().text())
                .contains(RU.get("templates.title", "Shop &lt;1&gt;"))
                .contains("1. Спасибо, {buyer}!")
                .as("a template for questions only says so")
                .contains("2. " + RU.get("templates.kind.question") + " Есть в наличии.");

        assertThat(templates.handle(press("tp:m:" + id + ":0"))).isEqualTo(RU.get("templates.members.saved_off"));
        assertThat(server.calls()).contains("members can answer " + id + " false");
        CommandsTest.Action redrawn = messenger.actions.getLast();
        assertThat(redrawn.method()).isEqualTo("editText");
        assertThat(redrawn.messageId()).isEqualTo(900);
        assertThat(redrawn.callbackData()).containsExactly("tp:d:1", "tp:d:3", "tp:m:" + id + ":1");
        // an old "turn off" button pressed again keeps it off
        templates.handle(press("tp:m:" + id + ":0"));
        assertThat(messenger.actions.getLast().callbackData()).contains("tp:m:" + id + ":1");
        assertThat(templates.handle(press("tp:m:" + id + ":1"))).isEqualTo(RU.get("templates.members.saved_on"));
        assertThat(messenger.actions.getLast().callbackData()).contains("tp:m:" + id + ":0");

        Sender boris = new Sender(CHAT + 1, "boris", "Борис", null, "ru");
        server.addCabinet(boris.id(), "Shop of another owner", "member");
        long theirs = server.cabinets(boris.id()).getFirst().id();
        templates.execute(new CommandRequest(boris.id(), boris, "templates", null, 78, RU));
        assertThat(messenger.actions.getLast().callbackData())
                .as("a member gets no switch")
                .containsExactly("tp:d:1", "tp:d:3");
        assertThat(templates.handle(new CallbackRequest(boris.id(), boris, "q", 901, "tp:m:" + theirs + ":0", RU)))
                .isEqualTo(RU.get("templates.members.not_owner"));
    }

    private static CallbackRequest press(String data) {
        return new CallbackRequest(CHAT, ANNA, "query-1", 900, data, RU);
    }

    private void run(Command command, String name, String args) {
        command.execute(new CommandRequest(CHAT, ANNA, name, args, 77, RU));
    }

    /** One call to the Messenger: the method, its text (or caption) and the buttons' callback_data. */
    record Action(String method, long chatId, long messageId, String text, List<String> callbackData) {}

    /** Records what the commands send; message ids count up from 1000. */
    static final class RecordingMessenger implements Messenger {
        final List<Action> actions = new ArrayList<>();
        private long nextId = 1000;

        Action only() {
            assertThat(actions).hasSize(1);
            return actions.getFirst();
        }

        @Override
        public long sendText(long chatId, String html, InlineKeyboardMarkup keyboard) {
            actions.add(new Action("sendText", chatId, nextId, html, data(keyboard)));
            return nextId++;
        }

        @Override
        public long sendPhotoUrl(long chatId, String photoUrl, String captionHtml, InlineKeyboardMarkup keyboard) {
            actions.add(new Action("sendPhotoUrl", chatId, nextId, captionHtml, List.of()));
            return nextId++;
        }

        @Override
        public long sendPhotoUpload(
                long chatId, byte[] png, String fileName, String captionHtml, InlineKeyboardMarkup keyboard) {
            actions.add(new Action("sendPhotoUpload", chatId, nextId, captionHtml, data(keyboard)));
            return nextId++;
        }

        @Override
        public void editText(long chatId, long messageId, String html, InlineKeyboardMarkup keyboard) {
            actions.add(new Action("editText", chatId, messageId, html, data(keyboard)));
        }

        @Override
        public void answerCallback(String callbackQueryId, String text) {
            actions.add(new Action("answerCallback", 0, 0, text, List.of()));
        }

        @Override
        public void deleteMessage(long chatId, long messageId) {
            actions.add(new Action("deleteMessage", chatId, messageId, null, List.of()));
        }

        private static List<String> data(InlineKeyboardMarkup keyboard) {
            if (keyboard == null) {
                return List.of();
            }
            return keyboard.getKeyboard().stream()
                    .flatMap(List::stream)
                    .map(InlineKeyboardButton::getCallbackData)
                    .filter(Objects::nonNull)
                    .toList();
        }
    }
}
