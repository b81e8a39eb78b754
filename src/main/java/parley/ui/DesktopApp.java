package parley.ui;

import javafx.application.Application;
import javafx.application.ColorScheme;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import parley.ui.params.ParamsView;
import parley.ui.params.ParamsViewModel;
import parley.ui.settings.AppearanceMenu;
import parley.ui.settings.AppearanceViewModel;
import parley.ui.settings.ThemeChoice;

/** The JavaFX application. Started through {@link parley.Main}, which does not extend Application. */
public final class DesktopApp extends Application {
    /** Chooses the theme at start, e.g. {@code -Dparley.theme=nord-dark}; also {@code PARLEY_THEME}. */
    public static final String THEME_PROPERTY = "parley.theme";

    public static void launch(String[] args) {
        Application.launch(DesktopApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        AppearanceViewModel appearance = new AppearanceViewModel();
        String wanted = System.getProperty(THEME_PROPERTY, System.getenv("PARLEY_THEME"));
        ThemeChoice.parse(wanted).ifPresent(appearance::choose);
        Platform.getPreferences().colorSchemeProperty()
                .subscribe(scheme -> appearance.systemDarkChanged(scheme == ColorScheme.DARK));
        appearance.theme().subscribe(theme -> Application.setUserAgentStylesheet(theme.getUserAgentStylesheet()));

        MainWindow window = build(appearance);
        Scene scene = new Scene(window, 1360, 860);
        scene.getStylesheets().add(DesktopApp.class.getResource("app.css").toExternalForm());
        stage.setTitle("Parley");
        stage.getIcons().setAll(AppIcons.load());
        stage.setScene(scene);
        stage.show();
        if (StartupSmoke.requested(getParameters().getRaw())) {
            StartupSmoke.exitAfterFirstFrame(stage);
        }
    }

    static MainWindow build(AppearanceViewModel appearance) {
        MainWindow window = new MainWindow();
        window.styleProperty().bind(appearance.fontSizeProperty().asString("-fx-font-size: %dpx;"));
        window.addToToolbarEnd(new AppearanceMenu(appearance));
        window.addShortcut(new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN),
                "Ctrl+=", "Larger text", appearance::biggerFont);
        window.addShortcut(new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN),
                "Ctrl+-", "Smaller text", appearance::smallerFont);
        window.addShortcut(new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN),
                "Ctrl+0", "Default text size", () -> appearance.setFontSize(AppearanceViewModel.DEFAULT_FONT));
        ParamsViewModel params = new ParamsViewModel();
        window.addSidePanel("Parameters", new ParamsView(params));
        return window;
    }
}
