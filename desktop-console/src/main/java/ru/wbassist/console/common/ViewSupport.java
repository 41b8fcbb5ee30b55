package ru.wbassist.console.common;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.binding.StringExpression;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
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

import java.time.Instant;
import java.util.function.Function;

/** The small pieces every view repeats: columns, the status line, copy-id menus, selection sync. */
public final class ViewSupport {

    private ViewSupport() {
    }

    /** A sortable column over a record component; {@code format} only changes how a cell shows it. */
    public static <T, V> TableColumn<T, V> column(String title, double width, Function<T, V> value,
                                                  Function<V, String> format) {
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
            row.contextMenuProperty().bind(Bindings.when(row.emptyProperty())
                    .then((ContextMenu) null).otherwise(menu));
            return row;
        });
    }

    public record CopyAction<T>(String label, Function<T, String> value) {
    }

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

    public static <T> ComboBox<T> combo(String id, ObservableList<T> items,
                                                          ObjectProperty<T> value) {
        ComboBox<T> combo = new ComboBox<>(items);
        combo.setId(id);
        combo.valueProperty().bindBidirectional(value);
        return combo;
    }

    /** "◀ Previous  1–50 of 230  Next ▶"; ids {@code <prefix>PageLabel}, {@code <prefix>NextPage}, {@code <prefix>PreviousPage}. */
    public static HBox pager(String idPrefix, Paging paging, Runnable previousPage, Runnable nextPage) {
        Button previous = new Button("◀ Previous");
        previous.setId(idPrefix + "PreviousPage");
        previous.disableProperty().bind(paging.hasPreviousBinding().not());
        previous.setOnAction(event -> previousPage.run());
        Button next = new Button("Next ▶");
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
}
