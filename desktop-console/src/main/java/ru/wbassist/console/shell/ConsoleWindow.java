package ru.wbassist.console.shell;

import java.net.URI;
import java.util.function.BiFunction;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Parent;
import javafx.scene.layout.StackPane;
import ru.wbassist.console.api.AdminApi;
import ru.wbassist.console.common.Language;
import ru.wbassist.console.common.Tasks;
import ru.wbassist.console.common.Texts;
import ru.wbassist.console.connect.ConnectView;
import ru.wbassist.console.connect.ConnectViewModel;
import ru.wbassist.console.connect.ConnectionSettings;

/** The window's content: the connect dialog until a connection works, then the tabs, in the chosen language. */
public final class ConsoleWindow {

    private final Tasks tasks;
    private Texts texts;
    private final StackPane root = new StackPane();
    private final ReadOnlyObjectWrapper<MainView> main = new ReadOnlyObjectWrapper<>();

    public ConsoleWindow(Tasks tasks, Language language) {
        this.tasks = tasks;
        this.texts = Texts.of(language);
        root.getStyleClass().add("console-root");
    }

    /** Shows the connect dialog filled from the settings; connects right away when they carry a secret. */
    public ConnectViewModel connect(ConnectionSettings settings, BiFunction<URI, String, AdminApi> clients) {
        ConnectViewModel model = new ConnectViewModel(settings, tasks, texts, clients, this::open);
        root.getChildren().setAll(ConnectView.create(model, texts));
        if (model.hasSecret()) {
            model.connect();
        }
        return model;
    }

    public void open(AdminApi api) {
        open(api, MainView.View.OVERVIEW);
    }

    private void open(AdminApi api, MainView.View first) {
        MainView view = new MainView(api, tasks, texts, first, (language, current) -> {
            texts = Texts.of(language);
            open(api, current);
        });
        root.getChildren().setAll(view.root());
        main.set(view);
    }

    public Language language() {
        return texts.language();
    }

    public ReadOnlyObjectProperty<MainView> mainProperty() {
        return main.getReadOnlyProperty();
    }

    public Parent root() {
        return root;
    }
}
