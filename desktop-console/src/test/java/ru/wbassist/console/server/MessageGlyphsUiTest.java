package ru.wbassist.console.server;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.wbassist.console.ui.UiTestSupport.clickRow;
import static ru.wbassist.console.ui.UiTestSupport.openTab;
import static ru.wbassist.console.ui.UiTestSupport.table;
import static ru.wbassist.console.ui.UiTestSupport.waitUntil;

import com.sun.javafx.font.CharToGlyphMapper;
import com.sun.javafx.font.PGFont;
import com.sun.javafx.scene.text.FontHelper;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import ru.wbassist.api.Admin;
import ru.wbassist.api.Notifications;
import ru.wbassist.console.ConsoleApp;
import ru.wbassist.console.api.HttpAdminApi;
import ru.wbassist.console.common.Language;
import ru.wbassist.console.connect.ConnectionSettings;
import ru.wbassist.console.shell.ConsoleWindow;
import ru.wbassist.console.telegram.EmojiFont;
import ru.wbassist.console.ui.UiTestSupport;

/**
 * The real server renders a notification of every type (its own renderer, as for a test send); the console shows
 * each one in the history table and in "As the user sees it", and every code point of every drawn {@link Text} must
 * have a glyph in that Text's font (JavaFX's own glyph mapper, fallbacks included): no missing-glyph box anywhere.
 */
@ExtendWith(ApplicationExtension.class)
class MessageGlyphsUiTest {

    private static RealServer server;
    private static final List<Long> queued = new ArrayList<>();

    @BeforeAll
    static void startServer() {
        server = new RealServer();
        HttpAdminApi api = new HttpAdminApi(URI.create(server.baseUrl()), RealServer.SECRET);
        for (String type : Notifications.Types.ALL) {
            queued.add(api.sendTestNotification(RealServer.ANNA, type).id());
        }
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Start
    void start(Stage stage) {
        ConsoleWindow window = new ConsoleWindow(UiTestSupport.fxTasks(), Language.EN);
        window.connect(
                new ConnectionSettings(server.baseUrl(), Optional.of(RealServer.SECRET), "test"), HttpAdminApi::new);
        stage.setScene(ConsoleApp.scene(window));
        stage.show();
    }

    @Test
    void everyCodePointOfTheServersMessagesHasAGlyph(FxRobot robot) {
        openTab(robot, "Notifications");
        TableView<Admin.NotificationEntry> history = table(robot, "#notificationsTable");
        waitUntil(() -> history.getItems().size() == 5 + queued.size());
        TextFlow preview = robot.lookup("#notificationPreview").queryAs(TextFlow.class);

        Set<String> emojiSeen = new TreeSet<>();
        List<String> missing = new ArrayList<>();
        for (int row = 0; row < queued.size(); row++) {
            Admin.NotificationEntry record = history.getItems().get(row);
            assertThat(queued).contains(record.id());
            clickRow(robot, history, row);
            waitUntil(() -> !preview.getChildren().isEmpty()
                    && preview.getChildren().stream()
                            .map(n -> ((Text) n).getText())
                            .reduce("", String::concat)
                            .contains("Тестовое уведомление"));
            for (Node node : preview.getChildren()) {
                Text text = (Text) node;
                missing.addAll(missingGlyphs(text, "preview of #" + record.id()));
                if (text.getFont().getFamily().equals(EmojiFont.FAMILY)) {
                    emojiSeen.add(text.getText());
                }
            }
        }
        for (Node cell : robot.from(history).lookup(".table-cell").queryAll()) {
            for (Node text : cell.lookupAll("Text")) {
                missing.addAll(missingGlyphs((Text) text, "table"));
            }
        }
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(missing).isEmpty();
        // the server's texts do carry emoji, and they were drawn with the bundled font
        assertThat(String.join("", emojiSeen)).contains("🛒", "💰", "🏬", "🕒", "🧪");
    }

    @Test
    void theCheckFindsAMissingGlyph() {
        Text privateUse = new Text("a\uDBFF\uDFFD");
        privateUse.setFont(Font.font("System", 14));
        assertThat(missingGlyphs(privateUse, "probe")).containsExactly("probe: U+10FFFD in System Regular");
    }

    /** Code points of the Text that its font (with JavaFX's fallbacks) maps to the missing glyph. */
    static List<String> missingGlyphs(Text text, String where) {
        CharToGlyphMapper mapper = ((PGFont) FontHelper.getNativeFont(text.getFont()))
                .getFontResource()
                .getGlyphMapper();
        List<String> missing = new ArrayList<>();
        text.getText()
                .codePoints()
                .filter(cp -> !Character.isWhitespace(cp)
                        && Character.getType(cp) != Character.FORMAT
                        && !(cp >= 0xFE00 && cp <= 0xFE0F))
                .filter(cp -> mapper.charToGlyph(cp) == 0)
                .forEach(cp -> missing.add(
                        "%s: U+%X in %s".formatted(where, cp, text.getFont().getName())));
        return missing;
    }
}
