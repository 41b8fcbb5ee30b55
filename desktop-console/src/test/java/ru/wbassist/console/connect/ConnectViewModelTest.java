package ru.wbassist.console.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import ru.wbassist.console.FakeAdminApi;
import ru.wbassist.console.Fixtures;
import ru.wbassist.console.ImmediateTasks;
import ru.wbassist.console.api.AdminApi;
import ru.wbassist.console.api.HttpAdminApi;
import ru.wbassist.console.common.Texts;

class ConnectViewModelTest {

    private final List<AdminApi> connected = new ArrayList<>();

    private ConnectViewModel model(String url, String secret) {
        return new ConnectViewModel(
                new ConnectionSettings(url, Optional.ofNullable(secret), "test"),
                ImmediateTasks.create(),
                Texts.english(),
                FakeAdminApi::connecting,
                connected::add);
    }

    @Test
    void theRightSecretConnects() {
        ConnectViewModel model = model("http://127.0.0.1:8080", Fixtures.SECRET);

        model.connect();

        assertThat(connected).hasSize(1);
        assertThat(model.activity().errorProperty().get()).isNull();
    }

    @Test
    void aWrongSecretSaysSoAndStaysOnTheDialog() {
        ConnectViewModel model = model("http://127.0.0.1:8080", "wrong");

        model.connect();

        assertThat(connected).isEmpty();
        assertThat(model.activity().errorProperty().get())
                .contains("rejected the secret")
                .contains("401");
    }

    @Test
    void aRefusedConnectionSaysTheServerIsUnreachable() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ConnectViewModel model = new ConnectViewModel(
                new ConnectionSettings("http://127.0.0.1:" + port, Optional.of("s"), "test"),
                ImmediateTasks.create(),
                Texts.english(),
                HttpAdminApi::new,
                connected::add);

        model.connect();

        assertThat(connected).isEmpty();
        assertThat(model.activity().errorProperty().get())
                .isEqualTo(
                        "Cannot reach the server at http://127.0.0.1:" + port + ": connection refused. Is it running?");
    }

    @Test
    void badInputIsCaughtBeforeAnyCall() {
        ConnectViewModel model = model("localhost:8080", Fixtures.SECRET);
        model.connect();
        assertThat(model.validationProperty().get()).isEqualTo("The server URL must look like http://host:port.");

        model.urlProperty().set("http://127.0.0.1:8080");
        model.secretProperty().set("  ");
        model.connect();
        assertThat(model.validationProperty().get()).startsWith("Enter the admin secret");
        assertThat(model.hasSecret()).isFalse();

        model.urlProperty().set("http://bad host");
        model.connect();
        assertThat(model.validationProperty().get()).isEqualTo("The server URL is not a valid URL.");
        assertThat(connected).isEmpty();
    }
}
