package ru.wbassist.console.shell;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import ru.wbassist.api.Admin;
import ru.wbassist.console.api.AdminApi;
import ru.wbassist.console.cabinets.CabinetsView;
import ru.wbassist.console.cabinets.CabinetsViewModel;
import ru.wbassist.console.common.Tasks;
import ru.wbassist.console.notifications.NotificationsView;
import ru.wbassist.console.notifications.NotificationsViewModel;
import ru.wbassist.console.overview.OverviewView;
import ru.wbassist.console.overview.OverviewViewModel;
import ru.wbassist.console.synclogs.SyncLogsView;
import ru.wbassist.console.synclogs.SyncLogsViewModel;
import ru.wbassist.console.testsend.TestSendView;
import ru.wbassist.console.testsend.TestSendViewModel;

import java.time.Duration;
import java.util.Locale;

/** The connected window: a header and one tab per view; a tab loads its data when it is opened. */
public final class MainView {

    /** The tabs, in order; the id is also the screenshot's file name. */
    public enum View { OVERVIEW, CABINETS, SYNC_LOGS, NOTIFICATIONS, TEST_SEND }

    private static final Duration LIVE_REFRESH = Duration.ofSeconds(5);

    private final BorderPane root = new BorderPane();
    private final TabPane tabs = new TabPane();
    private final OverviewViewModel overview;
    private final CabinetsViewModel cabinets;
    private final SyncLogsViewModel syncLogs;
    private final NotificationsViewModel notifications;
    private final TestSendViewModel testSend;

    public MainView(AdminApi api, Tasks tasks) {
        overview = new OverviewViewModel(api, tasks);
        cabinets = new CabinetsViewModel(api, tasks);
        syncLogs = new SyncLogsViewModel(api, tasks, LIVE_REFRESH);
        notifications = new NotificationsViewModel(api, tasks);
        testSend = new TestSendViewModel(api, tasks, notifications::showUser);

        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().setAll(
                tab(View.OVERVIEW, "Admin.Overview", OverviewView.create(overview), overview::refresh),
                tab(View.CABINETS, "Cabinets", CabinetsView.create(cabinets), cabinets::refresh),
                tab(View.SYNC_LOGS, "Sync logs", SyncLogsView.create(syncLogs), syncLogs::refreshAll),
                tab(View.NOTIFICATIONS, "Notifications", NotificationsView.create(notifications), notifications::refreshAll),
                tab(View.TEST_SEND, "Test send", TestSendView.create(testSend), testSend::refresh));
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, tab) -> {
            if (old != null && old.getUserData() == View.SYNC_LOGS) {
                syncLogs.liveRefreshProperty().set(false);
            }
            ((Runnable) tab.getProperties().get(Runnable.class)).run();
        });

        root.setTop(header(api, tasks));
        root.setCenter(tabs);
        overview.refresh();
    }

    private static Tab tab(View view, String title, Node content, Runnable onOpen) {
        Tab tab = new Tab(title, content);
        tab.setId("tab-" + view.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        tab.setUserData(view);
        tab.getProperties().put(Runnable.class, onOpen);
        return tab;
    }

    private static Node header(AdminApi api, Tasks tasks) {
        Label title = new Label("WB Assist · operator console");
        title.getStyleClass().add("header-title");
        Label server = new Label("Server: " + api.endpoint());
        server.setId("headerServer");
        server.getStyleClass().add("header-server");
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        progress.setMaxSize(18, 18);
        progress.visibleProperty().bind(Bindings.greaterThan(tasks.inFlightProperty(), 0));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(12, title, spacer, progress, server);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(8, 14, 8, 14));
        header.getStyleClass().add("header");
        return header;
    }

    public void show(View view) {
        tabs.getSelectionModel().select(view.ordinal());
    }

    public Node root() {
        return root;
    }
}
