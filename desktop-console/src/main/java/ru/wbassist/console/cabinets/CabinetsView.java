package ru.wbassist.console.cabinets;

import javafx.beans.binding.Bindings;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import ru.wbassist.api.Admin;
import ru.wbassist.console.common.ViewSupport.CopyAction;
import ru.wbassist.console.common.ViewSupport;

import java.util.List;

/** The cabinets table with its filters and "sync now", and the selected cabinet's users below. */
public final class CabinetsView {

    private CabinetsView() {
    }

    public static Node create(CabinetsViewModel model) {
        TextField filter = new TextField();
        filter.setId("cabinetFilter");
        filter.setPromptText("Filter by name or id");
        filter.setPrefWidth(240);
        filter.textProperty().bindBidirectional(model.nameFilterProperty());

        ComboBox<String> status = new ComboBox<>(model.statusChoices());
        status.setId("cabinetStatusFilter");
        status.valueProperty().bindBidirectional(model.statusFilterProperty());

        Button refresh = new Button("Refresh");
        refresh.setOnAction(event -> model.refresh());
        Button syncNow = new Button("Sync now");
        syncNow.setId("syncNowButton");
        syncNow.disableProperty().bind(model.selectedProperty().isNull());
        syncNow.setOnAction(event -> model.syncSelected());

        Label count = new Label();
        count.textProperty().bind(Bindings.createStringBinding(
                () -> model.visibleCabinets().size() + " of " + model.totalCabinets() + " cabinets",
                model.visibleCabinets()));
        Label message = new Label();
        message.setId("cabinetsMessage");
        message.textProperty().bind(model.messageProperty());

        HBox toolbar = new HBox(10, filter, status, refresh, syncNow, count, message,
                ViewSupport.statusLine("cabinetsError", model.activity(), model.usersActivity()));
        toolbar.setAlignment(Pos.CENTER_LEFT);

        TableView<Admin.CabinetRow> table = new TableView<>();
        table.setId("cabinetsTable");
        SortedList<Admin.CabinetRow> sorted = new SortedList<>(model.visibleCabinets());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getColumns().setAll(List.of(
                ViewSupport.column("Id", 60, Admin.CabinetRow::id),
                ViewSupport.column("Name", 230, Admin.CabinetRow::name),
                ViewSupport.column("Users", 70, Admin.CabinetRow::userCount),
                ViewSupport.column("Active", 70, Admin.CabinetRow::active, active -> active ? "yes" : "no"),
                ViewSupport.column("Key", 80, Admin.CabinetRow::keyValid, valid -> valid ? "valid" : "invalid"),
                ViewSupport.timeColumn("Last sync", Admin.CabinetRow::lastSyncAt),
                ViewSupport.column("Status", 90, Admin.CabinetRow::lastSyncStatus),
                ViewSupport.column("Error", 420, Admin.CabinetRow::lastError)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No cabinets match."));
        ViewSupport.copyMenu(table, new CopyAction<>("Copy cabinet id", c -> String.valueOf(c.id())),
                new CopyAction<>("Copy error", c -> c.lastError() == null ? "" : c.lastError()));
        ViewSupport.bindSelection(table, model.selectedProperty());

        TableView<Admin.Member> users = new TableView<>(model.selectedUsers());
        users.setId("cabinetUsersTable");
        users.getColumns().setAll(List.of(
                ViewSupport.column("Telegram id", 130, Admin.Member::telegramId),
                ViewSupport.column("Username", 180, Admin.Member::username, name -> "@" + name),
                ViewSupport.column("First name", 180, Admin.Member::firstName),
                ViewSupport.column("Role", 100, Admin.Member::role),
                ViewSupport.timeColumn("Joined", Admin.Member::joinedAt)));
        users.setPlaceholder(new Label("Select a cabinet to see its users."));
        ViewSupport.copyMenu(users, new CopyAction<>("Copy Telegram id", u -> String.valueOf(u.telegramId())));
        Label usersTitle = new Label();
        usersTitle.getStyleClass().add("section-title");
        usersTitle.textProperty().bind(Bindings.createStringBinding(() -> model.selectedProperty().get() == null
                ? "Users" : "Users of \"" + model.selectedProperty().get().name() + "\"", model.selectedProperty()));
        VBox usersBox = new VBox(6, usersTitle, users);
        VBox.setVgrow(users, Priority.ALWAYS);

        SplitPane split = new SplitPane(table, usersBox);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.62);

        BorderPane root = new BorderPane(split);
        root.setTop(toolbar);
        BorderPane.setMargin(toolbar, new Insets(0, 0, 8, 0));
        root.setPadding(new Insets(12));
        return root;
    }
}
