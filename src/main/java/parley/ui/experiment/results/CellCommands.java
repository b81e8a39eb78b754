package parley.ui.experiment.results;

import parley.experiment.CellStatus;

/** What a cell's buttons do: the caller's {@link ResultsView.Actions}, opening it whole, and rating it. */
record CellCommands(ResultsModel model, ResultsView.Actions actions, java.util.function.Consumer<CellState> opener) {
    void open(CellState state) { opener.accept(state); }

    void continueChat(CellState state) { actions.continueChat(state.cell()); }

    void showCode(CellState state) { actions.showCode(state.cell()); }

    void retry(CellState state) {
        if (state.statusProperty().get() == CellStatus.FAILED) actions.retry(state.cell());
    }

    void rate(CellState state, Integer value) { model.rate(state, value); }
}
