package ru.wbassist.console.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.wbassist.console.ui.UiTestSupport.waitUntil;

import java.util.Optional;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import ru.wbassist.console.ConsoleApp;
import ru.wbassist.console.FakeAdminApi;
import ru.wbassist.console.Fixtures;
import ru.wbassist.console.common.Language;
import ru.wbassist.console.connect.ConnectionSettings;
import ru.wbassist.console.shell.ConsoleWindow;

/** Starting with a wrong secret: the dialog says so; the right secret then opens the console. */
@ExtendWith(ApplicationExtension.class)
class ConnectUiTest {

    private ConsoleWindow window;

    @Start
    void start(Stage stage) {
        window = new ConsoleWindow(UiTestSupport.fxTasks(), Language.EN);
        window.connect(
                new ConnectionSettings("http://127.0.0.1:8080", Optional.of("wrong-secret"), "test"),
                FakeAdminApi::connecting);
        stage.setScene(ConsoleApp.scene(window));
        stage.show();
    }

    @Test
    void aWrongSecretShowsTheErrorStateThenTheRightOneConnects(FxRobot robot) {
        Label error = robot.lookup("#connectError").queryAs(Label.class);
        waitUntil(() -> error.getText() != null && error.getText().contains("401"));
        assertThat(window.mainProperty().get()).isNull();

        robot.doubleClickOn("#connectSecret").eraseText(20).write(Fixtures.SECRET);
        robot.clickOn("#connectButton");

        waitUntil(() -> window.mainProperty().get() != null);
        waitUntil(() -> robot.lookup("#overviewTiles").tryQuery().isPresent());
        assertThat(robot.lookup("#headerServer").queryAs(Label.class).getText()).isEqualTo("Server: fake");
    }
}
