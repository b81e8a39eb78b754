package parley.ui.experiment;

import java.util.concurrent.CountDownLatch;
import javafx.concurrent.Task;
import parley.experiment.Cell;

/**
 * A running cell as ControlsFX's {@code TaskProgressView} shows it: titled with the cell's model and
 * values, its message the reply's length so far. It does no work itself: it waits (on a virtual
 * thread) until the cell ends; its Cancel asks the runner to cancel that one cell.
 */
final class CellTask extends Task<Void> {
    private final CountDownLatch ended = new CountDownLatch(1);

    CellTask(Cell cell, Runnable cancelCell) {
        updateTitle(title(cell));
        updateMessage("starting…");
        updateProgress(-1, 1);
        setOnCancelled(e -> cancelCell.run());
    }

    static String title(Cell cell) {
        StringBuilder text = new StringBuilder(cell.target().label());
        cell.params().forEach((name, value) -> text.append(" · ").append(name).append(' ').append(value.label()));
        cell.vars().values().forEach((name, value) -> text.append(" · ").append(name).append('=').append(value));
        if (cell.repeat() > 1) text.append(" · run ").append(cell.repeat());
        return text.toString();
    }

    void streamed(int characters) {
        updateMessage(characters + " characters so far");
    }

    void end() {
        ended.countDown();
    }

    @Override
    protected Void call() throws InterruptedException {
        ended.await();
        return null;
    }

}
