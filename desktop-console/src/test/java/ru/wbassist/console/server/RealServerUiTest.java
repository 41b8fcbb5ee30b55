package ru.wbassist.console.server;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.wbassist.console.ui.UiTestSupport.clickRow;
import static ru.wbassist.console.ui.UiTestSupport.openTab;
import static ru.wbassist.console.ui.UiTestSupport.table;
import static ru.wbassist.console.ui.UiTestSupport.waitUntil;

import java.util.Optional;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import ru.wbassist.api.Admin;
import ru.wbassist.console.ConsoleApp;
import ru.wbassist.console.api.HttpAdminApi;
import ru.wbassist.console.common.Language;
import ru.wbassist.console.connect.ConnectionSettings;
import ru.wbassist.console.shell.ConsoleWindow;
import ru.wbassist.console.ui.UiTestSupport;

/**
 * The window against the real server (in-process, fixture rows): a wrong secret first shows the 401 state, the
 * right one connects, and every view shows the server's rows, and a test send shows up in the history.
 */
@ExtendWith(ApplicationExtension.class)
class RealServerUiTest {

    private static RealServer server;

    @BeforeAll
    static void startServer() {
        server = new RealServer();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private ConsoleWindow window;

    @Start
    void start(Stage stage) {
        window = new ConsoleWindow(UiTestSupport.fxTasks(), Language.EN);
        window.connect(
                new ConnectionSettings(server.baseUrl(), Optional.of("not-the-secret"), "test"), HttpAdminApi::new);
        stage.setScene(ConsoleApp.scene(window));
        stage.show();
    }

    @Test
    void wrongSecretThenEveryViewShowsTheServersRowsAndATestSendShowsUp(FxRobot robot) {
        Label error = robot.lookup("#connectError").queryAs(Label.class);
        waitUntil(() -> error.getText() != null && error.getText().contains("401"));

        robot.doubleClickOn("#connectSecret")
                .eraseText(20)
                .write(RealServer.SECRET)
                .clickOn("#connectButton");
        waitUntil(() -> window.mainProperty().get() != null);

        FlowPane tiles = robot.lookup("#overviewTiles").queryAs(FlowPane.class);
        waitUntil(() -> tiles.getChildren().size() == 11);

        openTab(robot, "Cabinets");
        TableView<Admin.CabinetRow> cabinets = table(robot, "#cabinetsTable");
        waitUntil(() -> cabinets.getItems().size() == 2);
        robot.clickOn("#cabinetFilter").write("deco");
        waitUntil(() -> cabinets.getItems().size() == 1
                && cabinets.getItems().getFirst().lastError().contains("401"));

        openTab(robot, "Sync logs");
        TableView<Admin.SyncLogEntry> logs = table(robot, "#syncLogsTable");
        waitUntil(() -> logs.getItems().size() == 5);

        openTab(robot, "Notifications");
        TableView<Admin.NotificationEntry> history = table(robot, "#notificationsTable");
        waitUntil(() -> history.getItems().size() == 5);
        clickRow(robot, history, 0);
        TextFlow preview = robot.lookup("#notificationPreview").queryAs(TextFlow.class);
        waitUntil(() -> preview.getChildren().size() == 3);
        assertThat(((javafx.scene.text.Text) preview.getChildren().getFirst()).getText())
                .isEqualTo("critical_stock");

        openTab(robot, "Test send");
        Label message = robot.lookup("#testSendMessage").queryAs(Label.class);
        TextFlow rendered = robot.lookup("#testSendRendered").queryAs(TextFlow.class);
        Label renderedTitle = robot.lookup("#testSendRenderedTitle").queryAs(Label.class);
        waitUntil(() -> UiTestSupport.text(rendered).startsWith("🧪 Тестовое уведомление")
                && renderedTitle.getText().startsWith("Preview"));
        waitUntil(() -> !robot.lookup("#testSendButton").query().isDisabled());
        robot.clickOn("#testSendButton");
        waitUntil(() -> message.getText() != null && message.getText().startsWith("Queued test notification #"));
        long queued = Long.parseLong(message.getText().replaceAll("^Queued test notification #(\\d+).*$", "$1"));

        openTab(robot, "Notifications");
        waitUntil(() ->
                !history.getItems().isEmpty() && history.getItems().getFirst().id() == queued);
        assertThat(history.getItems())
                .extracting(Admin.NotificationEntry::telegramId)
                .containsOnly(RealServer.ANNA);
    }
}
