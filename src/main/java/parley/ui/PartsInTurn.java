package parley.ui;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.scene.Node;
import javafx.scene.layout.Pane;

/**
 * A long panel built in turns, one step a frame, once it first enters a scene. A side panel's
 * content is styled and laid out the first time its tab is chosen, all of it in one pulse: for the
 * usage panel (two tables, a chart, the price and budget forms) that pulse passed 50 ms. Built in
 * turns, its top is on screen in the first frame and no pulse carries the whole.
 */
public final class PartsInTurn {
    private PartsInTurn() {}

    /**
     * Two steps: the part built on one frame, added to {@code pane} on the next, where it is first
     * styled and laid out: on a cold JVM each of the two took 20–50 ms for a table or the chart.
     */
    public static List<Runnable> buildThenAdd(Pane pane, Supplier<? extends Node> part) {
        List<Node> built = new ArrayList<>(1);
        return List.of(() -> built.add(part.get()), () -> pane.getChildren().add(built.removeFirst()));
    }

    /** Runs the steps in order, one a frame, from the first frame {@code node} is in a scene. */
    public static void run(Node node, List<Runnable> steps) {
        Iterator<Runnable> next = steps.iterator();
        if (!next.hasNext()) return;
        AnimationTimer timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                next.next().run();
                if (!next.hasNext()) stop();
            }
        };
        if (node.getScene() != null) {
            timer.start();
            return;
        }
        node.sceneProperty().addListener(new InvalidationListener() {
            @Override
            public void invalidated(Observable scene) {
                if (node.getScene() == null) return;
                node.sceneProperty().removeListener(this);
                timer.start();
            }
        });
    }
}
