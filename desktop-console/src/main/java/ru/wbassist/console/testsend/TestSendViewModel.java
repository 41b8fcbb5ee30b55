package ru.wbassist.console.testsend;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import ru.wbassist.console.api.AdminApi;
import ru.wbassist.console.api.AdminUser;
import ru.wbassist.console.api.NotificationQuery;
import ru.wbassist.console.api.NotificationRecord;
import ru.wbassist.console.api.NotificationTypes;
import ru.wbassist.console.api.TestSendResult;
import ru.wbassist.console.api.UserSettings;
import ru.wbassist.console.common.Activity;
import ru.wbassist.console.common.Tasks;

import java.util.function.LongConsumer;
import java.util.stream.Collectors;

/**
 * Test send: pick a user and a type, see what the send will meet (the user's language, switches, quiet hours,
 * a blocked bot), send, then see the queued notification as the user will read it. {@code onSent} gets the user's
 * Telegram id, so the shell can show that user's history.
 */
public final class TestSendViewModel {

    private static final int HISTORY_LOOKUP = 50;

    private final AdminApi api;
    private final Activity activity;
    private final LongConsumer onSent;
    private final ObservableList<AdminUser> users = FXCollections.observableArrayList();
    private final ObservableList<String> types = FXCollections.observableArrayList(NotificationTypes.ALL);
    private final ObjectProperty<AdminUser> user = new SimpleObjectProperty<>();
    private final ObjectProperty<String> type = new SimpleObjectProperty<>(NotificationTypes.NEW_ORDER);
    private final ReadOnlyStringWrapper preview = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<NotificationRecord> sent = new ReadOnlyObjectWrapper<>();
    private final BooleanBinding canSend;

    public TestSendViewModel(AdminApi api, Tasks tasks, LongConsumer onSent) {
        this.api = api;
        this.activity = new Activity(tasks);
        this.onSent = onSent;
        canSend = Bindings.createBooleanBinding(
                () -> user.get() != null && type.get() != null && !activity.busyProperty().get(),
                user, type, activity.busyProperty());
        user.addListener((obs, old, now) -> updatePreview());
        type.addListener((obs, old, now) -> updatePreview());
    }

    public void refresh() {
        activity.load(() -> api.users(500, 0).items(), loaded -> {
            Long current = user.get() == null ? null : user.get().telegramId();
            users.setAll(loaded);
            user.set(users.stream().filter(u -> current != null && u.telegramId() == current).findFirst()
                    .orElse(users.isEmpty() ? null : users.getFirst()));
            updatePreview();
        });
    }

    public void send() {
        AdminUser recipient = user.get();
        String chosenType = type.get();
        if (recipient == null || chosenType == null) {
            message.set("Pick a user and a type first.");
            return;
        }
        message.set(null);
        sent.set(null);
        activity.perform(() -> {
            TestSendResult result = api.sendTestNotification(recipient.telegramId(), chosenType);
            // Read it back from the history: the preview then shows the text the server rendered for this user.
            NotificationRecord record = api.notifications(NotificationQuery.ofUser(recipient.telegramId(), HISTORY_LOOKUP))
                    .items().stream().filter(n -> n.id() == result.id()).findFirst().orElse(null);
            return new Sent(result, record);
        }, outcome -> {
            sent.set(outcome.record());
            message.set("Queued test notification #" + outcome.result().id() + " (" + outcome.result().type()
                    + ") for " + recipient.displayName() + ".");
            onSent.accept(recipient.telegramId());
        }, failure -> { });
    }

    private record Sent(TestSendResult result, NotificationRecord record) {
    }

    private void updatePreview() {
        AdminUser recipient = user.get();
        String chosenType = type.get();
        if (recipient == null || chosenType == null) {
            preview.set("");
            return;
        }
        StringBuilder text = new StringBuilder()
                .append("To: ").append(recipient.displayName()).append('\n')
                .append("Type: ").append(chosenType).append('\n')
                .append("Cabinets: ").append(recipient.cabinets().isEmpty() ? "none"
                        : recipient.cabinets().stream().map(c -> c.name() + " (" + c.role() + ")")
                        .collect(Collectors.joining(", ")));
        UserSettings settings = recipient.settings();
        if (settings != null) {
            text.append("\nLanguage: ").append(settings.language());
            if (!settings.allows(chosenType)) {
                text.append("\n⚠ The user's settings switch ").append(chosenType).append(" notifications off.");
            }
            if (settings.hasQuietHours()) {
                text.append("\nQuiet hours: ").append(settings.quietHoursStart()).append("–")
                        .append(settings.quietHoursEnd()).append(" MSK (delivery may wait until they end).");
            }
        }
        if (recipient.botBlocked()) {
            text.append("\n⚠ The user blocked the bot: the notification will not be delivered.");
        }
        preview.set(text.toString());
    }

    public ObservableList<AdminUser> users() {
        return users;
    }

    public ObservableList<String> types() {
        return types;
    }

    public ObjectProperty<AdminUser> userProperty() {
        return user;
    }

    public ObjectProperty<String> typeProperty() {
        return type;
    }

    public ReadOnlyStringProperty previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<NotificationRecord> sentProperty() {
        return sent.getReadOnlyProperty();
    }

    public BooleanBinding canSendBinding() {
        return canSend;
    }

    public Activity activity() {
        return activity;
    }
}
