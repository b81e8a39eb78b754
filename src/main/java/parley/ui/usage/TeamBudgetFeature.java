package parley.ui.usage;

import java.time.Clock;
import parley.ui.WindowContext;
import parley.ui.WindowFeature;

/** The Team budget side panel: the team's and members' monthly limits, read again each time it is shown. */
public final class TeamBudgetFeature implements WindowFeature {
    private final TeamBudgetViewModel model;

    public TeamBudgetFeature(WindowContext context) {
        this.model = new TeamBudgetViewModel(context.team(), context.background(), context.ui(), Clock.systemDefaultZone());
        context.window().addSidePanel("Team budget", new TeamBudgetView(model)).selectedProperty().subscribe(shown -> {
            if (shown) model.refresh();
        });
    }

    public TeamBudgetViewModel model() { return model; }
}
