package ru.wbassist.console.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.wbassist.console.ui.UiTestSupport.clickRow;
import static ru.wbassist.console.ui.UiTestSupport.openTab;
import static ru.wbassist.console.ui.UiTestSupport.pick;
import static ru.wbassist.console.ui.UiTestSupport.table;
import static ru.wbassist.console.ui.UiTestSupport.text;
import static ru.wbassist.console.ui.UiTestSupport.waitUntil;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.image.ImageView;
import javafx.scene.input.Clipboard;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import ru.wbassist.api.Admin;
import ru.wbassist.console.ConsoleApp;
import ru.wbassist.console.FakeAdminApi;
import ru.wbassist.console.common.Language;
import ru.wbassist.console.shell.ConsoleWindow;

/** The whole window over the fixture data, driven through the mouse and keyboard (headless Monocle). */
@ExtendWith(ApplicationExtension.class)
class ConsoleUiTest {

    private final FakeAdminApi api = new FakeAdminApi();

    @Start
    void start(Stage stage) {
        ConsoleWindow window = new ConsoleWindow(UiTestSupport.fxTasks(), Language.EN);
        window.open(api);
        stage.setScene(ConsoleApp.scene(window));
        stage.show();
    }

    @Test
    void overviewShowsTheFixtureCounts(FxRobot robot) {
        FlowPane tiles = robot.lookup("#overviewTiles").queryAs(FlowPane.class);
        waitUntil(() -> !tiles.getChildren().isEmpty());

        List<String> shown = tiles.getChildren().stream()
                .map(tile -> ((VBox) tile)
                        .getChildren().stream()
                                .map(UiTestSupport::text)
                                .reduce("", (a, b) -> a + " " + b)
                                .strip())
                .toList();
        assertThat(shown).contains("3 Users", "3 Cabinets", "1 Sync failures, 24 h", "2 Sent, 24 h", "1 Failed, 24 h");
    }

    @Test
    void cabinetsShowTheRowsAndTheFilterNarrowsThem(FxRobot robot) {
        openTab(robot, "Cabinets");
        TableView<Admin.CabinetRow> table = table(robot, "#cabinetsTable");
        waitUntil(() -> table.getItems().size() == 3);

        robot.clickOn("#cabinetFilter").write("deco");
        waitUntil(() -> table.getItems().size() == 1);
        assertThat(table.getItems().getFirst().name()).isEqualTo("Home & Deco");

        robot.clickOn("Home & Deco");
        TableView<?> users = table(robot, "#cabinetUsersTable");
        waitUntil(() -> users.getItems().size() == 2);

        // Headless Monocle sends no context-menu event for a right click, so fire the row's menu item directly.
        robot.interact(() -> robot
                .from(table)
                .lookup(".table-row-cell")
                .match((TableRow<?> row) -> row.getIndex() == 0)
                .<TableRow<?>>query()
                .getContextMenu()
                .getItems()
                .stream()
                .filter(item -> item.getText().equals("Copy cabinet id"))
                .findFirst()
                .orElseThrow()
                .fire());
        waitUntil(() -> "2".equals(Clipboard.getSystemClipboard().getString()));

        robot.clickOn("#syncNowButton");
        Label message = robot.lookup("#cabinetsMessage").queryAs(Label.class);
        waitUntil(() -> "Sync started for \"Home & Deco\".".equals(message.getText()));
        waitUntil(() -> "running".equals(table.getItems().getFirst().lastSyncStatus()));
    }

    @Test
    void cabinetsSortByTheClickedColumn(FxRobot robot) {
        openTab(robot, "Cabinets");
        TableView<Admin.CabinetRow> table = table(robot, "#cabinetsTable");
        waitUntil(() -> table.getItems().size() == 3);
        assertThat(table.getItems())
                .extracting(Admin.CabinetRow::name)
                .containsExactly("Sneakers", "Home & Deco", "Kids wear");

        robot.clickOn(robot.from(table)
                .lookup(".column-header .label")
                .match((Label l) -> "Name".equals(l.getText()))
                .<Node>query());

        waitUntil(() -> "Home & Deco".equals(table.getItems().getFirst().name()));
        assertThat(table.getItems())
                .extracting(Admin.CabinetRow::name)
                .containsExactly("Home & Deco", "Kids wear", "Sneakers");
    }

    @Test
    void syncLogsPageAndFilterByStatusWithErrorDetails(FxRobot robot) {
        openTab(robot, "Sync logs");
        TableView<Admin.SyncLogEntry> table = table(robot, "#syncLogsTable");
        waitUntil(() -> table.getItems().size() == 50);
        assertThat(text(robot.lookup("#syncPageLabel").queryAs(Label.class))).isEqualTo("1–50 of 63");

        robot.clickOn("#syncNextPage");
        waitUntil(() -> table.getItems().size() == 13);

        pick(robot, "#syncStatusFilter", "failed");
        waitUntil(() -> table.getItems().size() == 2);
        assertThat(table.getItems()).extracting(Admin.SyncLogEntry::status).containsOnly("failed");

        clickRow(robot, table, 0);
        TextArea details = robot.lookup("#syncLogDetails").queryAs(TextArea.class);
        waitUntil(() -> details.getText().contains("Error: WB API answered 401: key revoked"));
    }

    @Test
    void notificationHistoryFiltersAndPreviewsTheMessage(FxRobot robot) {
        openTab(robot, "Notifications");
        TableView<Admin.NotificationEntry> table = table(robot, "#notificationsTable");
        waitUntil(() -> table.getItems().size() == 8);

        pick(robot, "#notificationTypeFilter", "Negative review");
        waitUntil(() -> table.getItems().size() == 1);

        clickRow(robot, table, 0);
        TextFlow preview = robot.lookup("#notificationPreview").queryAs(TextFlow.class);
        waitUntil(() -> !preview.getChildren().isEmpty());
        // The blockquote and the link render as the user reads them, without markup.
        assertThat(UiTestSupport.text(preview)).isEqualTo("Review 2/5\n▍ Too small\nReply");
        TextArea details = robot.lookup("#notificationDetails").queryAs(TextArea.class);
        assertThat(details.getText())
                .contains("attempts: 5")
                .contains("Last error: Telegram 400: Bad Request: chat not found");
    }

    @Test
    void aTestSendShowsTheRenderedPreviewBeforeSendingThenShowsUpInTheHistory(FxRobot robot, @TempDir Path dir)
            throws IOException {
        Path photo = dir.resolve("product.png");
        ImageIO.write(new BufferedImage(40, 60, BufferedImage.TYPE_INT_RGB), "png", photo.toFile());
        api.previewPhoto(photo.toUri().toString());
        openTab(robot, "Test send");
        @SuppressWarnings("unchecked")
        ComboBox<Object> user = robot.lookup("#testSendUser").queryAs(ComboBox.class);
        waitUntil(() -> user.getValue() != null);
        pick(robot, "#testSendType", "Critical stock");

        // Before the click: the server's preview, rendered, and the facts of the send.
        TextFlow rendered = robot.lookup("#testSendRendered").queryAs(TextFlow.class);
        Label renderedTitle = robot.lookup("#testSendRenderedTitle").queryAs(Label.class);
        Label facts = robot.lookup("#testSendPreview").queryAs(Label.class);
        waitUntil(() -> UiTestSupport.text(rendered).contains("Критический остаток")
                && text(renderedTitle).startsWith("Preview: what the user will get"));
        assertThat(text(facts))
                .contains("To: Anna (@anna, 111)")
                .contains("Language: ru")
                .contains("Sample from: Sneakers (cabinet #1)")
                .contains("Photo: " + photo.toUri());
        ImageView shownPhoto = robot.lookup("#testSendPhoto").queryAs(ImageView.class);
        waitUntil(() -> shownPhoto.getImage() != null && shownPhoto.getImage().getProgress() == 1);
        assertThat(shownPhoto.getImage().isError()).isFalse();
        assertThat(shownPhoto.getImage().getHeight() / shownPhoto.getImage().getWidth())
                .isEqualTo(1.5);
        Label message = robot.lookup("#testSendMessage").queryAs(Label.class);
        assertThat(message.getText()).isNull();

        robot.clickOn("#testSendButton");
        waitUntil(() -> message.getText() != null && message.getText().startsWith("Queued test notification #9 "));
        waitUntil(() -> text(renderedTitle).equals("Queued notification #9, as the server stored it")
                && UiTestSupport.text(rendered).contains("Критический остаток"));

        // A blocked user: the warning shows before any send.
        pick(robot, "#testSendUser", "Clara (333) — bot blocked");
        waitUntil(() -> text(facts).contains("⚠ The user blocked the bot"));
        assertThat(text(renderedTitle)).startsWith("Preview");

        openTab(robot, "Notifications");
        TableView<Admin.NotificationEntry> table = table(robot, "#notificationsTable");
        waitUntil(
                () -> !table.getItems().isEmpty() && table.getItems().getFirst().id() == 9);
        assertThat(table.getItems().getFirst().type()).isEqualTo("critical_stock");
        assertThat(table.getItems())
                .extracting(Admin.NotificationEntry::telegramId)
                .containsOnly(111L);
    }
}
