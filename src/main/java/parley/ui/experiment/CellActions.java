package parley.ui.experiment;

import java.util.function.Consumer;
import parley.experiment.Cell;
import parley.experiment.CellRequests;
import parley.experiment.Experiment;
import parley.experiment.Prompt;
import parley.experiment.Variables;
import parley.ui.WindowContext;
import parley.ui.experiment.results.ResultsView;

/**
 * What the window does for a cell of the results: Continue opens a new chat on the cell's provider,
 * model and parameters with its user message in the composer; Show code does the same without
 * leaving the experiment and brings up the Code tab, which shows that request; Retry sends the cell
 * again in the run.
 */
final class CellActions implements ResultsView.Actions {
    private final WindowContext context;
    private final Experiment experiment;
    private final Consumer<Cell> retry;

    CellActions(WindowContext context, Experiment experiment, Consumer<Cell> retry) {
        this.context = context;
        this.experiment = experiment;
        this.retry = retry;
    }

    @Override
    public void continueChat(Cell cell) {
        point(cell);
        context.window().showChat();
    }

    @Override
    public void showCode(Cell cell) {
        point(cell);
        context.window().sidePanels().getTabs().stream().filter(t -> "tab-code".equals(t.getId())).findFirst()
                .ifPresent(t -> context.window().sidePanels().getSelectionModel().select(t));
    }

    @Override
    public void retry(Cell cell) {
        retry.accept(cell);
    }

    private void point(Cell cell) {
        context.chatModel().newChat();
        context.controls().show(CellRequests.settings(experiment, cell));
        Prompt prompt = experiment.prompt();
        context.chatModel().setDraft(prompt.user() == null ? "" : Variables.fill(prompt.user(), cell.vars().values()));
    }
}
