package ru.wbassist.console.connect;

import java.net.URI;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import ru.wbassist.console.api.AdminApi;
import ru.wbassist.console.common.Activity;
import ru.wbassist.console.common.Tasks;
import ru.wbassist.console.common.Texts;

/**
 * The connect dialog: a URL and a secret, checked by loading the overview. Success hands the working client on;
 * failure leaves the reason (unreachable, wrong secret) in the activity's error.
 */
public final class ConnectViewModel {

    private final Activity activity;
    private final Texts texts;
    private final BiFunction<URI, String, AdminApi> clients;
    private final Consumer<AdminApi> onConnected;
    private final StringProperty url = new SimpleStringProperty();
    private final StringProperty secret = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper validation = new ReadOnlyStringWrapper();
    private final BooleanBinding canConnect;

    public ConnectViewModel(
            ConnectionSettings settings,
            Tasks tasks,
            Texts texts,
            BiFunction<URI, String, AdminApi> clients,
            Consumer<AdminApi> onConnected) {
        this.activity = new Activity(tasks);
        this.texts = texts;
        this.clients = clients;
        this.onConnected = onConnected;
        url.set(settings.serverUrl());
        secret.set(settings.secret().orElse(""));
        canConnect =
                Bindings.createBooleanBinding(() -> !activity.busyProperty().get(), activity.busyProperty());
    }

    public void connect() {
        validation.set(null);
        URI uri;
        try {
            uri = URI.create(url.get() == null ? "" : url.get().strip());
        } catch (IllegalArgumentException e) {
            validation.set(texts.get("connect.bad_url"));
            return;
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            validation.set(texts.get("connect.url_shape"));
            return;
        }
        if (secret.get() == null || secret.get().isBlank()) {
            validation.set(texts.get("connect.no_secret"));
            return;
        }
        AdminApi api = clients.apply(uri, secret.get().strip());
        activity.perform(
                () -> {
                    api.overview();
                    return api;
                },
                onConnected,
                failure -> {});
    }

    public StringProperty urlProperty() {
        return url;
    }

    public StringProperty secretProperty() {
        return secret;
    }

    public boolean hasSecret() {
        return secret.get() != null && !secret.get().isBlank();
    }

    public ReadOnlyStringProperty validationProperty() {
        return validation.getReadOnlyProperty();
    }

    public BooleanBinding canConnectBinding() {
        return canConnect;
    }

    public Activity activity() {
        return activity;
    }
}
