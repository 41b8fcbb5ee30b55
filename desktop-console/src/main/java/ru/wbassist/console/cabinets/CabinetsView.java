package ru.wbassist.console.cabinets;

import java.util.List;
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
import javafx.util.StringConverter;
import ru.wbassist.api.Admin;
import ru.wbassist.console.common.Texts;
import ru.wbassist.console.common.ViewSupport;
import ru.wbassist.console.common.ViewSupport.CopyAction;

/** The cabinets table with its filters and "sync now", and the selected cabinet's users below. */
public final class CabinetsView {

    private CabinetsView() {}

    public static Node create(CabinetsViewModel model, Texts texts) {
        TextField filter = new TextField();
        filter.setId("cabinetFilter");
        filter.setPromptText(texts.get("cabinets.filter"));
        filter.setPrefWidth(240);
        filter.textProperty().bindBidirectional(model.nameFilterProperty());

        ComboBox<String> status = new ComboBox<>(model.statusChoices());
        status.setId("cabinetStatusFilter");
        status.valueProperty().bindBidirectional(model.statusFilterProperty());
        status.setConverter(new StringConverter<>() {
            @Override
            public String toString(String choice) {
                return choice == null ? "" : model.statusLabel(choice);
            }

            @Override
            public String fromString(String label) {
                return label;
            }
        });

        Button refresh = new Button(texts.get("common.refresh"));
        refresh.setOnAction(event -> model.refresh());
        Button syncNow = new Button(texts.get("cabinets.sync_now"));
        syncNow.setId("syncNowButton");
        syncNow.disableProperty().bind(model.selectedProperty().isNull());
        syncNow.setOnAction(event -> model.syncSelected());
        Button pause = new Button();
        pause.setId("pauseSyncButton");
        pause.disableProperty().bind(model.selectedProperty().isNull());
        pause.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> model.selectedProperty().get() != null
                                        && model.selectedProperty().get().syncPaused()
                                ? texts.get("cabinets.resume")
                                : texts.get("cabinets.pause"),
                        model.selectedProperty()));
        pause.setOnAction(event -> model.togglePauseSelected());
        ViewSupport.confirmations(model.confirmation(), texts);

        Label count = new Label();
        count.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> texts.get(
                                "cabinets.count", model.visibleCabinets().size(), model.totalCabinets()),
                        model.visibleCabinets()));
        Label message = new Label();
        message.setId("cabinetsMessage");
        message.textProperty().bind(model.messageProperty());

        HBox toolbar = new HBox(
                10,
                filter,
                status,
                refresh,
                syncNow,
                pause,
                count,
                message,
                ViewSupport.statusLine("cabinetsError", model.activity(), model.usersActivity()));
        toolbar.setAlignment(Pos.CENTER_LEFT);

        TableView<Admin.CabinetRow> table = new TableView<>();
        table.setId("cabinetsTable");
        SortedList<Admin.CabinetRow> sorted = new SortedList<>(model.visibleCabinets());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getColumns()
                .setAll(List.of(
                        ViewSupport.column(texts.get("column.id"), 60, Admin.CabinetRow::id),
                        ViewSupport.column(texts.get("column.name"), 210, Admin.CabinetRow::name),
                        ViewSupport.column(texts.get("column.users"), 70, Admin.CabinetRow::userCount),
                        ViewSupport.column(
                                texts.get("column.active"),
                                70,
                                Admin.CabinetRow::active,
                                active -> texts.get(active ? "common.yes" : "common.no")),
                        ViewSupport.column(
                                texts.get("column.key"),
                                90,
                                Admin.CabinetRow::keyValid,
                                valid -> texts.get(valid ? "cabinets.key_valid" : "cabinets.key_invalid")),
                        ViewSupport.timeColumn(texts.get("column.last_sync"), Admin.CabinetRow::lastSyncAt),
                        ViewSupport.column(texts.get("column.status"), 150, model::syncState),
                        ViewSupport.column(texts.get("column.live_orders"), 360, model::liveOrders),
                        ViewSupport.column(texts.get("column.error"), 240, Admin.CabinetRow::lastError)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(texts.get("cabinets.none")));
        ViewSupport.copyMenu(
                table,
                new CopyAction<>(texts.get("copy.cabinet_id"), c -> String.valueOf(c.id())),
                new CopyAction<>(texts.get("copy.error"), c -> c.lastError() == null ? "" : c.lastError()));
        ViewSupport.bindSelection(table, model.selectedProperty());

        TableView<Admin.Member> users = new TableView<>(model.selectedUsers());
        users.setId("cabinetUsersTable");
        users.getColumns()
                .setAll(List.of(
                        ViewSupport.column(texts.get("column.telegram_id"), 130, Admin.Member::telegramId),
                        ViewSupport.column(
                                texts.get("column.username"), 180, Admin.Member::username, name -> "@" + name),
                        ViewSupport.column(texts.get("column.first_name"), 180, Admin.Member::firstName),
                        ViewSupport.column(
                                texts.get("column.role"), 100, Admin.Member::role, role -> texts.get("role." + role)),
                        ViewSupport.timeColumn(texts.get("column.joined"), Admin.Member::joinedAt)));
        users.setPlaceholder(new Label(texts.get("cabinets.select_for_users")));
        ViewSupport.copyMenu(
                users, new CopyAction<>(texts.get("copy.telegram_id"), u -> String.valueOf(u.telegramId())));
        Label usersTitle = new Label();
        usersTitle.getStyleClass().add("section-title");
        usersTitle
                .textProperty()
                .bind(Bindings.createStringBinding(
                        () -> model.selectedProperty().get() == null
                                ? texts.get("cabinets.users")
                                : texts.get(
                                        "cabinets.users_of",
                                        model.selectedProperty().get().name()),
                        model.selectedProperty()));
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
