package parley.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

class PartsInTurnTest {
    // written on the FX thread, read on the test's
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private AnimationTimer watch;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() throws Exception {
        if (watch != null) WaitForAsyncUtils.asyncFx(watch::stop).get();
        FxToolkit.cleanupStages();
    }

    @Test
    void thePartsAreBuiltOnlyOnceThePaneIsInAScene() throws Exception {
        List<String> built = new CopyOnWriteArrayList<>();
        VBox pane = WaitForAsyncUtils.asyncFx(() -> {
            VBox box = new VBox(new Label("first"));
            List<Runnable> steps = new ArrayList<>(PartsInTurn.buildThenAdd(box, part("second", built)));
            steps.addAll(PartsInTurn.buildThenAdd(box, part("third", built)));
            PartsInTurn.run(box, steps);
            return box;
        }).get();
        WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
        assertThat(built).as("built before the pane is shown").isEmpty();
        assertThat(textsOnFx(pane)).containsExactly("first");

        FxToolkit.setupStage(stage -> {
            stage.setScene(new Scene(pane, 200, 200));
            stage.show();
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> textsOnFx(pane).size() == 3);
        assertThat(textsOnFx(pane)).containsExactly("first", "second", "third");
        assertThat(built).containsExactly("second", "third");
    }

    @Test
    void eachFrameRunsOneStep() throws Exception {
        VBox pane = WaitForAsyncUtils.asyncFx(() -> new VBox(new Label("first"))).get();
        FxToolkit.setupStage(stage -> {
            stage.setScene(new Scene(pane, 200, 200));
            stage.show();
        });
        WaitForAsyncUtils.asyncFx(() -> {
            watch = watcher(pane); // started after PartsInTurn's timer, it sees each frame's children
            PartsInTurn.run(pane, List.of(() -> pane.getChildren().add(new Label("second")),
                    () -> pane.getChildren().add(new Label("third"))));
            watch.start();
        }).get();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> seen.contains("first,second,third"));
        assertThat(seen).startsWith("first,second", "first,second,third");
    }

    @Test
    void aPartIsBuiltOnOneFrameAndAddedOnTheNext() throws Exception {
        List<String> built = new CopyOnWriteArrayList<>();
        VBox pane = WaitForAsyncUtils.asyncFx(() -> new VBox(new Label("first"))).get();
        FxToolkit.setupStage(stage -> {
            stage.setScene(new Scene(pane, 200, 200));
            stage.show();
        });
        WaitForAsyncUtils.asyncFx(() -> {
            watch = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    seen.add(built.size() + " built, " + String.join(",", texts(pane)));
                }
            };
            List<Runnable> steps = new ArrayList<>(PartsInTurn.buildThenAdd(pane, part("second", built)));
            steps.addAll(PartsInTurn.buildThenAdd(pane, part("third", built)));
            PartsInTurn.run(pane, steps);
            watch.start();
        }).get();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> textsOnFx(pane).size() == 3);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(seen).startsWith("1 built, first", "1 built, first,second", "2 built, first,second",
                "2 built, first,second,third");
    }

    private AnimationTimer watcher(VBox pane) {
        return new AnimationTimer() {
            @Override
            public void handle(long now) {
                seen.add(String.join(",", texts(pane)));
            }
        };
    }

    private static Supplier<Node> part(String text, List<String> built) {
        return () -> {
            built.add(text);
            return new Label(text);
        };
    }

    private static List<String> textsOnFx(VBox pane) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> texts(pane)).get(5, TimeUnit.SECONDS);
    }

    private static List<String> texts(VBox pane) {
        return pane.getChildren().stream().map(n -> ((Label) n).getText()).toList();
    }
}
