package ru.wbassist.console.testsend;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import ru.wbassist.api.Admin;
import ru.wbassist.api.Notifications;
import ru.wbassist.console.api.AdminApi;
import ru.wbassist.console.api.NotificationQuery;
import ru.wbassist.console.common.Activity;
import ru.wbassist.console.common.Names;
import ru.wbassist.console.common.Tasks;
import ru.wbassist.console.common.Texts;

/**
 * Test send: pick a user and a type; the server's preview then shows the message exactly as the send would queue it
 * (rendered in the user's language, with its photo) and what the send will meet (a blocked bot, settings and quiet
 * hours it passes). Send, then the message shows the queued notification read back from the history.
 * {@code onSent} gets the user's Telegram id, so the shell can show that user's history.
 */
public final class TestSendViewModel {

    private static final int HISTORY_LOOKUP = 50;

    private final AdminApi api;
    private final Texts texts;
    private final Activity activity;
    private final Activity previewActivity;
    private final LongConsumer onSent;
    private final ObservableList<Admin.UserRow> users = FXCollections.observableArrayList();
    private final ObservableList<String> types = FXCollections.observableArrayList(Notifications.Types.ALL);
    private final ObjectProperty<Admin.UserRow> user = new SimpleObjectProperty<>();
    private final ObjectProperty<String> type = new SimpleObjectProperty<>(Notifications.Types.NEW_ORDER);
    private final ReadOnlyObjectWrapper<Notifications.TestPreview> preview = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<Admin.NotificationEntry> sent = new ReadOnlyObjectWrapper<>();
    private final StringBinding facts;
    private final StringBinding messageTitle;
    private final StringBinding messageHtml;
    private final StringBinding imageUrl;
    private final ObjectBinding<Notifications.Chart> chart;
    private final BooleanBinding canSend;

    public TestSendViewModel(AdminApi api, Tasks tasks, Texts texts, LongConsumer onSent) {
        this.api = api;
        this.texts = texts;
        this.activity = new Activity(tasks);
        this.previewActivity = new Activity(tasks);
        this.onSent = onSent;
        canSend = Bindings.createBooleanBinding(
                () -> user.get() != null
                        && type.get() != null
                        && !activity.busyProperty().get(),
                user,
                type,
                activity.busyProperty());
        facts = Bindings.createStringBinding(
                this::describeChoice,
                user,
                type,
                preview,
                previewActivity.busyProperty(),
                previewActivity.errorProperty());
        messageTitle = Bindings.createStringBinding(
                () -> sent.get() != null
                        ? texts.get("testsend.stored", String.valueOf(sent.get().id()))
                        : texts.get(preview.get() != null ? "testsend.preview_not_sent" : "testsend.preview"),
                sent,
                preview);
        messageHtml = Bindings.createStringBinding(
                () -> shown(Admin.NotificationEntry::text, Notifications.TestPreview::text), sent, preview);
        imageUrl = Bindings.createStringBinding(
                () -> shown(Admin.NotificationEntry::imageUrl, Notifications.TestPreview::imageUrl), sent, preview);
        chart = Bindings.createObjectBinding(
                () -> preview.get() == null ? null : preview.get().chart(), preview);
        user.addListener((obs, old, now) -> loadPreview());
        type.addListener((obs, old, now) -> loadPreview());
    }

    public void refresh() {
        activity.load(() -> api.users(500, 0).items(), loaded -> {
            Admin.UserRow before = user.get();
            users.setAll(loaded);
            user.set(users.stream()
                    .filter(u -> before != null && u.telegramId() == before.telegramId())
                    .findFirst()
                    .orElse(users.isEmpty() ? null : users.getFirst()));
            if (Objects.equals(before, user.get())) {
                loadPreview(); // the listener did not run; the message may have changed on the server all the same
            }
        });
    }

    public void send() {
        Admin.UserRow recipient = user.get();
        String chosenType = type.get();
        if (recipient == null || chosenType == null) {
            message.set(texts.get("testsend.pick_first"));
            return;
        }
        message.set(null);
        sent.set(null);
        activity.perform(
                () -> {
                    Notifications.TestQueued result = api.sendTestNotification(recipient.telegramId(), chosenType);
                    // Read it back from the history: what the server stored for this user, next to what the preview
                    // said.
                    Admin.NotificationEntry record = api
                            .notifications(NotificationQuery.ofUser(recipient.telegramId(), HISTORY_LOOKUP))
                            .items()
                            .stream()
                            .filter(n -> n.id() == result.id())
                            .findFirst()
                            .orElse(null);
                    return new Sent(result, record);
                },
                outcome -> {
                    sent.set(outcome.record());
                    message.set(texts.get(
                            "testsend.queued",
                            String.valueOf(outcome.result().id()),
                            texts.type(outcome.result().type()),
                            Names.user(recipient)));
                    onSent.accept(recipient.telegramId());
                },
                failure -> {});
    }

    private record Sent(Notifications.TestQueued result, Admin.NotificationEntry record) {}

    /** Asks the server for the message of the current choice; a stale answer for an earlier choice is dropped. */
    private void loadPreview() {
        Admin.UserRow recipient = user.get();
        String chosenType = type.get();
        sent.set(null);
        preview.set(null);
        if (recipient != null && chosenType != null) {
            previewActivity.load(() -> api.previewTestNotification(recipient.telegramId(), chosenType), preview::set);
        }
    }

    /** Of the queued notification once sent, else of the preview, else null. */
    private String shown(
            Function<Admin.NotificationEntry, String> ofSent, Function<Notifications.TestPreview, String> ofPreview) {
        if (sent.get() != null) {
            return ofSent.apply(sent.get());
        }
        return preview.get() == null ? null : ofPreview.apply(preview.get());
    }

    private String describeChoice() {
        Admin.UserRow recipient = user.get();
        if (recipient == null || type.get() == null) {
            return "";
        }
        StringBuilder text = new StringBuilder(texts.get(
                "testsend.facts",
                Names.user(recipient),
                texts.type(type.get()),
                recipient.cabinets().isEmpty()
                        ? texts.get("testsend.none")
                        : recipient.cabinets().stream()
                                .map(c -> c.name() + " (" + texts.get("role." + c.role()) + ")")
                                .collect(Collectors.joining(", "))));
        Notifications.TestPreview answer = preview.get();
        if (answer == null) {
            return text.append(
                            previewActivity.busyProperty().get()
                                    ? "\n" + texts.get("testsend.loading")
                                    : previewActivity.errorProperty().get() != null
                                            ? "\n" + texts.get("testsend.no_preview")
                                            : "")
                    .toString();
        }
        text.append('\n')
                .append(texts.get(
                        "testsend.answer",
                        answer.language(),
                        answer.cabinetName() == null
                                ? texts.get("testsend.no_cabinet")
                                : texts.get(
                                        "testsend.cabinet", answer.cabinetName(), String.valueOf(answer.cabinetId())),
                        answer.imageUrl() == null ? texts.get("testsend.no_photo") : answer.imageUrl()));
        if (answer.chart() != null) {
            text.append('\n')
                    .append(texts.get(
                            "message.chart",
                            answer.chart().title(),
                            answer.chart().days().size()));
        }
        answer.warnings().forEach(w -> text.append("\n⚠ ").append(w.message()));
        return text.toString();
    }

    public ObservableList<Admin.UserRow> users() {
        return users;
    }

    public ObservableList<String> types() {
        return types;
    }

    public ObjectProperty<Admin.UserRow> userProperty() {
        return user;
    }

    public ObjectProperty<String> typeProperty() {
        return type;
    }

    /** The server's preview of the current choice; null while it loads or when it failed. */
    public ReadOnlyObjectProperty<Notifications.TestPreview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** Recipient, language, cabinet, photo and the server's warnings, as lines for the operator. */
    public StringBinding factsBinding() {
        return facts;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Admin.NotificationEntry> sentProperty() {
        return sent.getReadOnlyProperty();
    }

    /** What the message bubble shows: the preview before the send, the queued notification after it. */
    public StringBinding messageTitleBinding() {
        return messageTitle;
    }

    /** The Telegram HTML in the bubble; null for nothing. */
    public StringBinding messageHtmlBinding() {
        return messageHtml;
    }

    /** The photo the message goes with; null for a plain message. */
    public StringBinding imageUrlBinding() {
        return imageUrl;
    }

    /**
     * The chart the message goes with (the daily digest's 14 days, which the bot draws and sends with the text as its
     * caption); null for other types. The preview's: the history does not list charts.
     */
    public ObjectBinding<Notifications.Chart> chartBinding() {
        return chart;
    }

    public BooleanBinding canSendBinding() {
        return canSend;
    }

    /** Loading the users and sending. */
    public Activity activity() {
        return activity;
    }

    /** Loading the preview: its own progress and error, so a failed preview never blocks a send. */
    public Activity previewActivity() {
        return previewActivity;
    }
}
