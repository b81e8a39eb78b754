package parley.ui;

import java.nio.file.Path;
import javafx.application.Application;
import javafx.application.ColorScheme;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import parley.history.SessionFile;
import parley.ui.settings.AppearanceViewModel;
import parley.ui.settings.ThemeChoice;

/** The JavaFX application. Started through {@link parley.Main}, which does not extend Application. */
public final class DesktopApp extends Application {
    /** Chooses the theme at start, e.g. {@code -Dparley.theme=nord-dark}; also {@code PARLEY_THEME}. */
    public static final String THEME_PROPERTY = "parley.theme";

    private WindowAssembly assembly;

    public static void launch(String[] args) {
        Application.launch(DesktopApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        assembly = WindowAssembly.open(System.getenv(), UiThread.FX);
        assembly.setLinkOpener(getHostServices()::showDocument);
        stage.setTitle("Parley");
        stage.getIcons().setAll(AppIcons.load());
        stage.setScene(scene(assembly));
        assembly.memory().keep(stage);
        assembly.memory().keep("main", assembly.window().split());
        stage.show();
        Platform.runLater(assembly::windowShown);
        Platform.runLater(assembly::focusComposer);
        getParameters().getUnnamed().stream().filter(a -> SessionFile.isSessionFileName(Path.of(a))).findFirst()
                .ifPresent(file -> Platform.runLater(() -> assembly.history().openFile(Path.of(file))));
        if (StartupSmoke.requested(getParameters().getRaw())) {
            StartupSmoke.exitAfterFirstFrame(stage);
        }
    }

    /** The window's scene with the app stylesheet, the theme applied and following its changes. */
    public static Scene scene(WindowAssembly assembly) {
        return scene(assembly, 1360, 860);
    }

    public static Scene scene(WindowAssembly assembly, double width, double height) {
        AppearanceViewModel appearance = assembly.appearance();
        String wanted = System.getProperty(THEME_PROPERTY, System.getenv("PARLEY_THEME"));
        ThemeChoice.parse(wanted).ifPresent(appearance::choose);
        Platform.getPreferences().colorSchemeProperty()
                .subscribe(scheme -> appearance.systemDarkChanged(scheme == ColorScheme.DARK));
        appearance.theme().subscribe(theme -> Application.setUserAgentStylesheet(theme.getUserAgentStylesheet()));
        Scene scene = new Scene(assembly.window(), width, height);
        scene.getStylesheets().add(DesktopApp.class.getResource("app.css").toExternalForm());
        return scene;
    }

    @Override
    public void stop() {
        if (assembly != null) assembly.close();
    }
}
