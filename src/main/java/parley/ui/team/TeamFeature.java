package parley.ui.team;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import parley.team.TeamService;
import parley.ui.WindowContext;
import parley.ui.WindowFeature;
import parley.ui.usage.TeamBudgetViewModel;

/**
 * The team workspace in the window: the tool bar's indicator and its dialog (the connection and the
 * team's budgets), and the sync of the ledger's queue: after every ledger row and every 30 seconds
 * while rows wait (or the workspace is away), the queue is sent on a background thread.
 */
public final class TeamFeature implements WindowFeature {
    static final long TICK_SECONDS = 30;

    private final TeamService team;
    private final TeamViewModel model;
    private final TeamButton button;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("parley-team-sync").factory());

    public TeamFeature(WindowContext context) {
        this.team = context.team();
        this.model = new TeamViewModel(team, context.background(), context.ui());
        TeamBudgetViewModel budgets = new TeamBudgetViewModel(team, context.background(), context.ui(), Clock.systemDefaultZone());
        this.button = new TeamButton(model, budgets, context.dialogs());
        context.window().addToToolbarEnd(button);
    }

    @Override
    public void windowShown() {
        model.refresh();
        ticker.scheduleWithFixedDelay(this::tick, TICK_SECONDS, TICK_SECONDS, TimeUnit.SECONDS);
    }

    /** A row went on the local ledger: send it (and whatever else waits) now. */
    public void rowAdded() {
        model.sync();
    }

    /** Sends the queue when rows wait or the workspace was away; runs every {@link #TICK_SECONDS}. */
    void tick() {
        try {
            if (team.config().isPresent() && (team.offline() || team.outbox().size() > 0)) model.sync();
        } catch (RuntimeException e) {
            // the local file is busy or closing: the next tick asks again
        }
    }

    public TeamViewModel model() { return model; }

    public TeamButton button() { return button; }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
