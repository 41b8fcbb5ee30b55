package ru.wbassist.console.common;

import java.io.File;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.binding.StringExpression;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.stage.FileChooser;

/** The small pieces every view repeats: columns, the status line, copy-id menus, selection sync. */
public final class ViewSupport {

    private ViewSupport() {}

    /** A sortable column over a record component; {@code format} only changes how a cell shows it. */
    public static <T, V> TableColumn<T, V> column(
            String title, double width, Function<T, V> value, Function<V, String> format) {
        TableColumn<T, V> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(V item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : format.apply(item));
            }
        });
        return column;
    }

    public static <T, V> TableColumn<T, V> column(String title, double width, Function<T, V> value) {
        return column(title, width, value, String::valueOf);
    }

    public static <T> TableColumn<T, Instant> timeColumn(String title, Function<T, Instant> value) {
        TableColumn<T, Instant> column = column(title, 152, value, MoscowTime::format);
        // A constrained table squeezes columns; a cut-off time is useless.
        column.setMinWidth(152);
        return column;
    }

    /**
     * A right-click menu on every row: "Copy id" puts the row's id on the clipboard (plus further ids, such as a
     * cabinet's or a user's, when given).
     */
    @SafeVarargs
    public static <T> void copyMenu(TableView<T> table, CopyAction<T>... actions) {
        table.setRowFactory(t -> {
            TableRow<T> row = new TableRow<>();
            ContextMenu menu = new ContextMenu();
            for (CopyAction<T> action : actions) {
                MenuItem item = new MenuItem(action.label());
                item.setOnAction(event -> {
                    if (row.getItem() != null) {
                        copy(action.value().apply(row.getItem()));
                    }
                });
                menu.getItems().add(item);
            }
            row.contextMenuProperty()
                    .bind(Bindings.when(row.emptyProperty())
                            .then((ContextMenu) null)
                            .otherwise(menu));
            return row;
        });
    }

    public record CopyAction<T>(String label, Function<T, String> value) {}

    public static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** Keeps the table's selection and the view model's selected row in step, both ways. */
    public static <T> void bindSelection(TableView<T> table, ObjectProperty<T> selected) {
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null || !table.getItems().contains(selected.get())) {
                selected.set(now);
            }
        });
        selected.addListener((obs, old, now) -> {
            if (now == null) {
                table.getSelectionModel().clearSelection();
            } else if (table.getSelectionModel().getSelectedItem() != now) {
                table.getSelectionModel().select(now);
            }
        });
    }

    /** A progress indicator while the activities run and the last error in red. */
    public static HBox statusLine(String errorId, Activity... activities) {
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        progress.setMaxSize(18, 18);
        BooleanExpression busy = activities[0].busyProperty();
        for (int i = 1; i < activities.length; i++) {
            busy = busy.or(activities[i].busyProperty());
        }
        progress.visibleProperty().bind(busy);
        Label error = new Label();
        error.setId(errorId);
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        StringExpression text = activities[0].errorProperty();
        for (int i = 1; i < activities.length; i++) {
            text = Bindings.when(text.isNotEmpty()).then(text).otherwise(activities[i].errorProperty());
        }
        error.textProperty().bind(text);
        HBox line = new HBox(8, progress, error);
        line.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(error, Priority.ALWAYS);
        HBox.setHgrow(line, Priority.ALWAYS);
        return line;
    }

    public static <T> ComboBox<T> combo(String id, ObservableList<T> items, ObjectProperty<T> value) {
        ComboBox<T> combo = new ComboBox<>(items);
        combo.setId(id);
        combo.valueProperty().bindBidirectional(value);
        return combo;
    }

    /** "◀ Previous  1–50 of 230  Next ▶"; ids {@code <prefix>PageLabel}, {@code <prefix>NextPage}, {@code <prefix>PreviousPage}. */
    public static HBox pager(String idPrefix, Paging paging, Runnable previousPage, Runnable nextPage, Texts texts) {
        Button previous = new Button(texts.get("paging.previous"));
        previous.setId(idPrefix + "PreviousPage");
        previous.disableProperty().bind(paging.hasPreviousBinding().not());
        previous.setOnAction(event -> previousPage.run());
        Button next = new Button(texts.get("paging.next"));
        next.setId(idPrefix + "NextPage");
        next.disableProperty().bind(paging.hasNextBinding().not());
        next.setOnAction(event -> nextPage.run());
        Label label = new Label();
        label.setId(idPrefix + "PageLabel");
        label.textProperty().bind(paging.labelBinding());
        HBox pager = new HBox(8, previous, label, next);
        pager.setAlignment(Pos.CENTER_RIGHT);
        pager.setPadding(new Insets(8, 0, 0, 0));
        return pager;
    }

    /** A notification type as the console shows it everywhere: its colour's dot and its name. */
    public static HBox typeBadge(String type, Texts texts) {
        Circle dot = new Circle(5, Color.web(TypeColors.of(type)));
        dot.getStyleClass().add("type-dot");
        Label name = new Label(texts.type(type));
        HBox badge = new HBox(5, dot, name);
        badge.setAlignment(Pos.CENTER_LEFT);
        badge.getStyleClass().add("type-badge");
        badge.setUserData(type);
        return badge;
    }

    /** A column showing the type badge; sorts by the type's code. */
    public static <T> TableColumn<T, String> typeColumn(
            String title, double width, Function<T, String> type, Texts texts) {
        TableColumn<T, String> column = column(title, width, type);
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                setGraphic(empty || item == null ? null : typeBadge(item, texts));
            }
        });
        return column;
    }

    /** Shows each confirmation the view model asks for as a dialog; "yes" runs the action, anything else drops it. */
    public static void confirmations(Confirmation confirmation, Texts texts) {
        confirmation.pendingProperty().addListener((obs, old, request) -> {
            if (request == null) {
                return;
            }
            ButtonType yes = new ButtonType(request.confirmLabel(), ButtonBar.ButtonData.OK_DONE);
            ButtonType no = new ButtonType(texts.get("confirm.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
            Alert alert = new Alert(Alert.AlertType.CONFIRMATION, request.question(), yes, no);
            alert.setTitle(request.title());
            alert.setHeaderText(request.title());
            alert.getDialogPane().setId("confirmDialog");
            alert.getDialogPane().lookupButton(yes).setId("confirmYes");
            alert.getDialogPane().lookupButton(no).setId("confirmNo");
            alert.setOnHidden(event -> {
                if (alert.getResult() == yes) {
                    confirmation.confirm();
                } else {
                    confirmation.cancel();
                }
            });
            alert.show();
        });
    }

    /**
     * Marks rows whose id is in {@code ids} with the {@code fresh-failure} pseudo-class (red, see console.css); keeps
     * the row factory set before (the copy menu).
     */
    public static <T> void highlight(TableView<T> table, ObservableSet<Long> ids, Function<T, Long> id) {
        var rows = table.getRowFactory();
        table.setRowFactory(t -> {
            TableRow<T> row = rows == null ? new TableRow<>() : rows.call(t);
            Runnable mark = () -> row.pseudoClassStateChanged(
                    FRESH_FAILURE, row.getItem() != null && ids.contains(id.apply(row.getItem())));
            row.itemProperty().addListener((obs, old, now) -> mark.run());
            ids.addListener((SetChangeListener<Long>) change -> mark.run());
            return row;
        });
    }

    private static final PseudoClass FRESH_FAILURE = PseudoClass.getPseudoClass("fresh-failure");

    /** "Export CSV…": asks where to save (proposing {@code fileName}), then hands the path over. */
    public static Button exportButton(String id, Texts texts, Supplier<String> fileName, Consumer<Path> export) {
        Button button = new Button(texts.get("common.export"));
        button.setId(id);
        button.setOnAction(event -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(texts.get("common.export_title"));
            chooser.setInitialFileName(fileName.get());
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
            File file = chooser.showSaveDialog(button.getScene().getWindow());
            if (file != null) {
                export.accept(file.toPath());
            }
        });
        return button;
    }

    /** A list cell showing {@code text} and/or {@code graphic} of its item (either may answer null). */
    public static <T> ListCell<T> listCell(Function<T, String> text, Function<T, Node> graphic) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
                setGraphic(empty || item == null ? null : graphic.apply(item));
            }
        };
    }
}
