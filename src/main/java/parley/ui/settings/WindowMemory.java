package parley.ui.settings;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.animation.PauseTransition;
import javafx.beans.Observable;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.SplitPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;
import parley.preset.ParameterSet;
import parley.store.AppState;
import parley.ui.UiThread;
import parley.ui.models.ProviderViewModel;
import parley.ui.params.ParamsViewModel;

/**
 * Restores what the user set up last time and keeps it as it changes: theme and font size, the
 * request parameters, the last provider and model, the window's bounds and the split panes'
 * dividers. What was kept is read on {@code background} and applied through {@code ui}; changes
 * are written a moment after they settle, on {@code background}.
 */
public final class WindowMemory {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SETTLE = Duration.millis(400);

    private final AppState state;
    private final Executor background;
    private final UiThread ui;

    /** Reads on {@code background} and applies on the JavaFX thread. */
    public WindowMemory(AppState state, Executor background) {
        this(state, background, UiThread.FX);
    }

    /** What is remembered, and how it is read ({@link AppState#readAhead}). */
    public AppState state() {
        return state;
    }

    public WindowMemory(AppState state, Executor background, UiThread ui) {
        this.state = state;
        this.background = background;
        this.ui = ui;
    }

    public void keep(AppearanceViewModel appearance) {
        restore(() -> new Appearance(state.theme().flatMap(ThemeChoice::parse), state.fontSize()), kept -> {
            kept.theme().ifPresent(appearance::choose);
            kept.fontSize().ifPresent(appearance::setFontSize);
            appearance.choiceProperty().subscribe(choice -> later(() -> state.setTheme(choice.name())));
            appearance.fontSizeProperty().subscribe(size -> later(() -> state.setFontSize(size.intValue())));
        });
    }

    private record Appearance(java.util.Optional<ThemeChoice> theme, java.util.Optional<Integer> fontSize) {}

    public void keep(ParamsViewModel params) {
        restore(() -> state.parameters().flatMap(WindowMemory::readParameters), kept -> {
            kept.ifPresent(params::apply);
            Runnable save = settled(() -> {
                String json = writeParameters(params.snapshot());
                later(() -> state.setParameters(json));
            });
            params.revision().addListener((Observable o) -> save.run());
        });
    }

    /** Selects the last provider (a custom server is added again) and model, and remembers each choice. */
    public void keep(ProviderViewModel providers) {
        restore(() -> new LastProvider(state.provider(), state.baseUrl(), state.model()), kept -> {
            choose(providers, kept);
            remember(providers);
        });
    }

    private record LastProvider(java.util.Optional<String> id, java.util.Optional<String> baseUrl,
                                java.util.Optional<String> model) {}

    private static void choose(ProviderViewModel providers, LastProvider kept) {
        kept.id().ifPresent(id -> {
            var known = providers.providers().stream().filter(p -> p.id().equals(id)).findFirst();
            if (known.isPresent()) {
                providers.selectProvider(known.get());
            } else {
                kept.baseUrl().ifPresent(providers::addCustom);
            }
        });
        kept.model().filter(m -> !m.isBlank()).ifPresent(providers::selectModel);
    }

    private void remember(ProviderViewModel providers) {
        Runnable save = settled(() -> {
            var p = providers.provider();
            String model = providers.modelProperty().get();
            later(() -> state.setProviderAndModel(p.id(), p.baseUrl(), model));
        });
        providers.providerProperty().addListener((Observable o) -> save.run());
        providers.modelProperty().addListener((Observable o) -> save.run());
    }

    /** Puts the window where it was (when that place is still on a screen) and remembers its moves. */
    public void keep(Stage stage) {
        restore(state::window, kept -> {
            kept.ifPresent(b -> place(stage, b));
            remember(stage);
        });
    }

    private static void place(Stage stage, AppState.Bounds b) {
        if (onSomeScreen(b)) {
            stage.setX(b.x());
            stage.setY(b.y());
            stage.setWidth(b.width());
            stage.setHeight(b.height());
        }
        stage.setMaximized(b.maximized());
    }

    private void remember(Stage stage) {
        Runnable save = settled(() -> {
            if (!stage.isIconified()) {
                AppState.Bounds b = new AppState.Bounds(stage.getX(), stage.getY(), stage.getWidth(),
                        stage.getHeight(), stage.isMaximized());
                later(() -> state.setWindow(b));
            }
        });
        for (Observable o : List.of(stage.xProperty(), stage.yProperty(), stage.widthProperty(),
                stage.heightProperty(), stage.maximizedProperty())) {
            o.addListener(x -> save.run());
        }
    }

    /** Restores the dividers of {@code split} (saved under {@code name}) once it is laid out, and keeps them. */
    public void keep(String name, SplitPane split) {
        restore(() -> state.dividers(name), saved -> keep(name, split, saved));
    }

    private void keep(String name, SplitPane split, List<Double> saved) {
        Runnable save = settled(() -> {
            List<Double> positions = java.util.Arrays.stream(split.getDividerPositions()).boxed().toList();
            later(() -> state.setDividers(name, positions));
        });
        Runnable watch = () -> split.getDividers().forEach(d -> d.positionProperty().addListener(x -> save.run()));
        UiThread.later(() -> {
            if (saved.size() == split.getDividers().size()) {
                split.setDividerPositions(saved.stream().mapToDouble(Double::doubleValue).toArray());
            }
            watch.run();
            split.getDividers().addListener((Observable o) -> watch.run());
        });
    }

    /**
     * Applies what was kept: at once when it was read ahead (the window is put as it was left while
     * it is built), else read on the background thread and applied on the JavaFX thread.
     */
    private <T> void restore(java.util.function.Supplier<T> read, java.util.function.Consumer<T> apply) {
        if (state.isReadAhead()) {
            apply.accept(read.get());
            return;
        }
        try {
            background.execute(() -> {
                T kept = read.get();
                ui.run(() -> apply.accept(kept));
            });
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // the window closed before it was built: nothing to restore
        }
    }

    private void later(Runnable write) {
        try {
            background.execute(() -> {
                try {
                    write.run();
                } catch (RuntimeException e) {
                    // a setting that cannot be saved now is saved with the next change
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // the window is closing; the last change was saved when it settled
        }
    }

    private static Runnable settled(Runnable action) {
        PauseTransition pause = new PauseTransition(SETTLE);
        pause.setOnFinished(e -> action.run());
        return pause::playFromStart;
    }

    private static boolean onSomeScreen(AppState.Bounds b) {
        Rectangle2D title = new Rectangle2D(b.x(), b.y(), Math.max(1, b.width()), 40);
        return Screen.getScreens().stream().anyMatch(s -> s.getVisualBounds().intersects(title));
    }

    static java.util.Optional<ParameterSet> readParameters(String json) {
        try {
            return java.util.Optional.ofNullable(JSON.readValue(json, ParameterSet.class));
        } catch (java.io.IOException e) {
            return java.util.Optional.empty();
        }
    }

    static String writeParameters(ParameterSet set) {
        try {
            return JSON.writeValueAsString(set);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("parameters cannot be written as JSON", e);
        }
    }
}
