package parley.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.ColorScheme;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import parley.StartArchive;
import parley.app.AppDatabase;
import parley.history.SessionFile;
import parley.store.AppState;
import parley.store.Database;
import parley.store.SecretStore;
import parley.store.Settings;
import parley.ui.chat.ChatFeature;
import parley.ui.chat.ChatView;
import parley.usage.TokenEstimator;
import parley.ui.settings.AppearanceViewModel;
import parley.ui.settings.ThemeChoice;

/** The JavaFX application. Started through {@link parley.Main}, which does not extend Application. */
public final class DesktopApp extends Application {
    /** Chooses the theme at start, e.g. {@code -Dparley.theme=nord-dark}; also {@code PARLEY_THEME}. */
    public static final String THEME_PROPERTY = "parley.theme";
    private static final System.Logger LOG = System.getLogger("parley.window");

    private WindowAssembly assembly;
    private boolean themeApplied;

    /** The database, what the window remembers, and the keyring. */
    private record Opened(Database database, AppState remembered, SecretStore secrets) {
        /**
         * Opens them on threads of their own: the keyring (which can take seconds to answer) beside
         * the database. A failure completes the future exceptionally.
         */
        static CompletableFuture<Opened> begin() {
            CompletableFuture<SecretStore> keyring = CompletableFuture.supplyAsync(SecretStore::open,
                    runnable -> Thread.ofVirtual().name("open-keyring").start(runnable));
            return CompletableFuture.supplyAsync(() -> {
                Database database = AppDatabase.openDefault();
                return new Opened(database, AppState.readAhead(new Settings(database)), keyring.join());
            }, runnable -> Thread.ofVirtual().name("open-database").start(runnable));
        }
    }

    public static void launch(String[] args) {
        Application.launch(DesktopApp.class, args);
    }

    /**
     * Shows the window with a spinner first, opens the database and the keyring off the JavaFX
     * thread, then builds the usable window (transcript, composer, provider bar) and puts it in the
     * window, and after it is drawn the side panels and the rest, one at a time. Until then the
     * window holds only shapes and text: the theme's stylesheet, the controls and the window icons
     * are loaded after the first frame.
     */
    @Override
    public void start(Stage stage) {
        StartingView starting = new StartingView(StartPalette.of(firstTheme(), systemDark()));
        Scene scene = new Scene(starting, 1360, 860);
        stage.setTitle("Parley");
        stage.setScene(scene);
        afterFirstLayout(scene, () -> Thread.ofVirtual().name("window-icons").start(() -> {
            List<Image> icons = AppIcons.load();
            Platform.runLater(() -> stage.getIcons().setAll(icons));
        }));
        stage.show();
        StartupSmoke.Watch smoke = StartupSmoke.requested(getParameters().getRaw())
                ? StartupSmoke.watch(stage) : null;
        afterNextFrame(this::applyFirstTheme); // parsed while the database opens
        // opened once the first frame is on its way: asked for sooner, they slow it
        Opened.begin().whenComplete((open, failure) -> {
            if (failure == null) {
                Platform.runLater(() -> showWindow(stage, open.database(), open.remembered(), open.secrets(), starting, smoke));
                return;
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            LOG.log(System.Logger.Level.ERROR, "the database could not be opened", cause);
            Platform.runLater(() -> starting.failed(oneLine(cause)));
        });
    }

    /** The theme asked for at start ({@link #THEME_PROPERTY} or PARLEY_THEME), else the system's. */
    private static ThemeChoice firstTheme() {
        return ThemeChoice.parse(System.getProperty(THEME_PROPERTY, System.getenv("PARLEY_THEME")))
                .orElse(ThemeChoice.SYSTEM);
    }

    private static boolean systemDark() {
        return Platform.getPreferences().getColorScheme() == ColorScheme.DARK;
    }

    /** Runs the action once, right after the scene's first layout pass. */
    private static void afterFirstLayout(Scene scene, Runnable action) {
        Runnable once = new Runnable() {
            private boolean done;

            @Override
            public void run() {
                if (done) return;
                done = true;
                Platform.runLater(() -> scene.removePostLayoutPulseListener(this));
                action.run();
            }
        };
        scene.addPostLayoutPulseListener(once);
    }

    private void showWindow(Stage stage, Database database, AppState remembered, SecretStore secrets, StartingView starting,
                            StartupSmoke.Watch smoke) {
        applyFirstTheme(); // before the controls: created without one, they would load JavaFX's own stylesheet too
        try {
            assembly = WindowAssembly.openFirst(database, remembered, secrets, System.getenv(), UiThread.FX);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "the window could not be built", e);
            database.close();
            starting.failed(oneLine(e));
            return;
        }
        assembly.feature(ChatFeature.class).setLinkOpener(getHostServices()::showDocument);
        install(stage.getScene(), assembly);
        assembly.memory().keep(stage);
        assembly.memory().keep("main", assembly.window().split());
        Platform.runLater(assembly.feature(ChatFeature.class)::focusComposer);
        if (smoke != null) smoke.windowUsable();
        // once the usable window is drawn: what waited for it (local servers probed, the transcript's
        // warm-up), the side panels and the rest; then the token tables (half a second to read)
        WindowAssembly built = assembly;
        afterNextFrame(() -> {
            built.windowShown();
            built.installRest(() -> {
                Thread.ofVirtual().name("token-tables").start(TokenEstimator::load);
                getParameters().getUnnamed().stream().filter(a -> SessionFile.isSessionFileName(Path.of(a))).findFirst()
                        .ifPresent(file -> built.history().openFile(Path.of(file)));
                if (smoke != null) smoke.windowBuilt();
                else writeStartArchiveIfMissing();
            });
        });
    }

    /** The theme asked for at start, or the system's; once, on the JavaFX thread. */
    private void applyFirstTheme() {
        if (themeApplied) return;
        themeApplied = true;
        Application.setUserAgentStylesheet(firstTheme().resolve(systemDark()).getUserAgentStylesheet());
    }

    /**
     * Runs the action on a later turn of the JavaFX thread, once the frame being made now is drawn:
     * the pulse after the next one waits for it to be drawn.
     */
    private static void afterNextFrame(Runnable action) {
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses < 2) return;
                stop();
                UiThread.later(action);
            }
        }.start();
    }

    /** A packaged app in a writable folder that started without its start archive writes it (and its siblings) now. */
    private static void writeStartArchiveIfMissing() {
        StartArchive.ofLauncher().filter(StartArchive::shouldWrite).ifPresent(archive ->
                Thread.ofVirtual().name("start-archive").start(() -> {
                    try {
                        archive.writeAll();
                    } catch (IOException e) {
                        System.err.println("parley: the start archive was not written: " + e.getMessage());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    /** The window's scene with the app stylesheet, the theme applied and following its changes. */
    public static Scene scene(WindowAssembly assembly) {
        return scene(assembly, 1360, 860);
    }

    public static Scene scene(WindowAssembly assembly, double width, double height) {
        Scene scene = new Scene(new Region(), width, height);
        install(scene, assembly);
        return scene;
    }

    /** Puts the built window into a scene, with the theme applied. */
    static void install(Scene scene, WindowAssembly assembly) {
        applyTheme(assembly.appearance());
        // Before the root: a scene stylesheet added while the root is being attached (as the chat
        // would) makes JavaFX's first CSS pass miss the theme's colours (hundreds of warnings).
        for (String sheet : List.of(DesktopApp.class.getResource("app.css").toExternalForm(), ChatView.stylesheet())) {
            if (!scene.getStylesheets().contains(sheet)) scene.getStylesheets().add(sheet);
        }
        scene.setRoot(assembly.window());
    }

    private static void applyTheme(AppearanceViewModel appearance) {
        String wanted = System.getProperty(THEME_PROPERTY, System.getenv("PARLEY_THEME"));
        ThemeChoice.parse(wanted).ifPresent(appearance::choose);
        Platform.getPreferences().colorSchemeProperty()
                .subscribe(scheme -> appearance.systemDarkChanged(scheme == ColorScheme.DARK));
        appearance.theme().subscribe(theme -> Application.setUserAgentStylesheet(theme.getUserAgentStylesheet()));
    }

    @Override
    public void stop() {
        if (assembly != null) assembly.close();
    }
}
