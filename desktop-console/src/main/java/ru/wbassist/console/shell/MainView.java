package ru.wbassist.console.shell;

import java.time.Duration;
import java.util.Locale;
import java.util.function.BiConsumer;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import ru.wbassist.console.answers.AnswersView;
import ru.wbassist.console.answers.AnswersViewModel;
import ru.wbassist.console.api.AdminApi;
import ru.wbassist.console.cabinets.CabinetsView;
import ru.wbassist.console.cabinets.CabinetsViewModel;
import ru.wbassist.console.common.Language;
import ru.wbassist.console.common.Tasks;
import ru.wbassist.console.common.Texts;
import ru.wbassist.console.notifications.NotificationsView;
import ru.wbassist.console.notifications.NotificationsViewModel;
import ru.wbassist.console.overview.OverviewView;
import ru.wbassist.console.overview.OverviewViewModel;
import ru.wbassist.console.synclogs.SyncLogsView;
import ru.wbassist.console.synclogs.SyncLogsViewModel;
import ru.wbassist.console.testsend.TestSendView;
import ru.wbassist.console.testsend.TestSendViewModel;

/**
 * The connected window: a header (with the language switch) and one tab per view; a tab loads its data when it is
 * opened. Switching the language builds the window anew in it, on the same tab.
 */
public final class MainView {

    /** The tabs, in order; the id is also the screenshot's file name. */
    public enum View {
        OVERVIEW,
        CABINETS,
        SYNC_LOGS,
        NOTIFICATIONS,
        TEST_SEND,
        ANSWERS
    }

    private static final Duration LIVE_REFRESH = Duration.ofSeconds(5);

    private final BorderPane root = new BorderPane();
    private final TabPane tabs = new TabPane();
    private final OverviewViewModel overview;
    private final CabinetsViewModel cabinets;
    private final SyncLogsViewModel syncLogs;
    private final NotificationsViewModel notifications;
    private final TestSendViewModel testSend;
    private final AnswersViewModel answers;

    private final Texts texts;

    /**
     * @param onLanguage asked to show the window in another language, on the given tab
     */
    public MainView(AdminApi api, Tasks tasks, Texts texts, View first, BiConsumer<Language, View> onLanguage) {
        this.texts = texts;
        overview = new OverviewViewModel(api, tasks, texts);
        cabinets = new CabinetsViewModel(api, tasks, texts);
        syncLogs = new SyncLogsViewModel(api, tasks, texts, LIVE_REFRESH);
        notifications = new NotificationsViewModel(api, tasks, texts, LIVE_REFRESH);
        testSend = new TestSendViewModel(api, tasks, texts, notifications::showUser);
        answers = new AnswersViewModel(api, tasks, texts);

        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs()
                .setAll(
                        tab(View.OVERVIEW, "tab.overview", OverviewView.create(overview, texts), overview::refresh),
                        tab(View.CABINETS, "tab.cabinets", CabinetsView.create(cabinets, texts), cabinets::refresh),
                        tab(
                                View.SYNC_LOGS,
                                "tab.sync_logs",
                                SyncLogsView.create(syncLogs, texts),
                                syncLogs::refreshAll),
                        tab(
                                View.NOTIFICATIONS,
                                "tab.notifications",
                                NotificationsView.create(notifications, texts),
                                notifications::refreshAll),
                        tab(View.TEST_SEND, "tab.test_send", TestSendView.create(testSend, texts), testSend::refresh),
                        tab(View.ANSWERS, "tab.answers", AnswersView.create(answers, texts), answers::refreshAll));
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, tab) -> {
            if (old != null) {
                stopLiveRefresh();
            }
            ((Runnable) tab.getProperties().get(Runnable.class)).run();
        });

        root.setTop(header(api, tasks, texts, onLanguage));
        root.setCenter(tabs);
        if (first == View.OVERVIEW) {
            overview.refresh();
        } else {
            show(first);
        }
    }

    /** Live refresh runs only while its tab is open (and never in a window that was replaced). */
    public void stopLiveRefresh() {
        syncLogs.liveRefreshProperty().set(false);
        notifications.liveRefreshProperty().set(false);
    }

    private Tab tab(View view, String titleKey, Node content, Runnable onOpen) {
        Tab tab = new Tab(texts.get(titleKey), content);
        tab.setId("tab-" + view.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        tab.setUserData(view);
        tab.getProperties().put(Runnable.class, onOpen);
        return tab;
    }

    private Node header(AdminApi api, Tasks tasks, Texts texts, BiConsumer<Language, View> onLanguage) {
        Label title = new Label(texts.get("shell.title"));
        title.getStyleClass().add("header-title");
        Label server = new Label(texts.get("shell.server", api.endpoint()));
        server.setId("headerServer");
        server.getStyleClass().add("header-server");
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        progress.setMaxSize(18, 18);
        progress.visibleProperty().bind(Bindings.greaterThan(tasks.inFlightProperty(), 0));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        ComboBox<Language> language = new ComboBox<>(FXCollections.observableArrayList(Language.values()));
        language.setId("languageSwitch");
        language.setValue(texts.language());
        language.setTooltip(new Tooltip(texts.get("shell.language")));
        language.valueProperty().addListener((obs, old, now) -> {
            if (now != null && now != texts.language()) {
                stopLiveRefresh();
                onLanguage.accept(now, current());
            }
        });
        HBox header = new HBox(12, title, spacer, progress, server, language);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(8, 14, 8, 14));
        header.getStyleClass().add("header");
        return header;
    }

    public void show(View view) {
        tabs.getSelectionModel().select(view.ordinal());
    }

    public View current() {
        return (View) tabs.getSelectionModel().getSelectedItem().getUserData();
    }

    public Node root() {
        return root;
    }
}
