package parley.experiment;

/**
 * What a running experiment reports, on the runner's threads (a listener that touches a scene hands
 * the event to its own thread). Events of one cell come in order.
 */
public sealed interface ExperimentEvent {
    /** The cell's request was sent. */
    record CellStarted(int cell) implements ExperimentEvent {}
    /** A piece of the cell's reply ({@code text}) or reasoning; either may be empty. */
    record CellDelta(int cell, String text, String reasoning) implements ExperimentEvent {}
    /** The cell ended, whole or not; checks have run. */
    record CellEnded(CellResult result) implements ExperimentEvent {}
    /** The provider asked to slow down (429): the cell waits {@code waitMillis} and is sent again. */
    record CellWaiting(int cell, long waitMillis) implements ExperimentEvent {}
    /** Counts after each change: cells done (any end) of {@code total}, running, failed; elapsed and the estimated rest (null when not yet known). */
    record Progress(int done, int running, int failed, int total, long elapsedMillis, Long etaMillis)
            implements ExperimentEvent {}
    /** Every cell asked for has ended (or was stopped). */
    record Finished(boolean stopped) implements ExperimentEvent {}
}
