package parley.ui.usage;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import parley.team.TeamBudgets;
import parley.team.TeamService;
import parley.team.WorkspaceUnavailable;
import parley.ui.UiThread;
import parley.usage.BudgetSettings;
import parley.usage.Money;

/**
 * The team's monthly budget and one member's, as the workspace keeps them, for the Budgets tab of the Team dialog.
 * Reads and writes run on {@code background}; results reach the properties through {@code ui}.
 */
public final class TeamBudgetViewModel {
    private final TeamService team;
    private final Executor background;
    private final UiThread ui;
    private final Clock clock;

    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(this, "connected");
    private final ReadOnlyStringWrapper member = new ReadOnlyStringWrapper(this, "member", "");
    private final ReadOnlyObjectWrapper<BudgetSettings> teamLimits =
            new ReadOnlyObjectWrapper<>(this, "teamLimits", BudgetSettings.NONE);
    private final ReadOnlyObjectWrapper<BudgetSettings> memberLimits =
            new ReadOnlyObjectWrapper<>(this, "memberLimits", BudgetSettings.NONE);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    public TeamBudgetViewModel(TeamService team, Executor background, UiThread ui, Clock clock) {
        this.team = team;
        this.background = background;
        this.ui = ui;
        this.clock = clock;
    }

    // Properties

    public ReadOnlyBooleanProperty connectedProperty() { return connected.getReadOnlyProperty(); }

    /** This data folder's member name in the workspace. */
    public ReadOnlyStringProperty memberProperty() { return member.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<BudgetSettings> teamLimitsProperty() { return teamLimits.getReadOnlyProperty(); }

    /** The limits of this member. */
    public ReadOnlyObjectProperty<BudgetSettings> memberLimitsProperty() { return memberLimits.getReadOnlyProperty(); }

    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }

    // Commands

    /** Reads whether this folder is connected and, if so, the team's and this member's limits. */
    public void refresh() {
        background.execute(() -> {
            try {
                String me = team.member().orElse(null);
                if (me == null) {
                    ui.run(() -> show(false, "", BudgetSettings.NONE, BudgetSettings.NONE, ""));
                    return;
                }
                TeamBudgets budgets = budgets();
                BudgetSettings whole = budgets.limits(TeamBudgets.TEAM);
                BudgetSettings mine = budgets.limits(me);
                ui.run(() -> show(true, me, whole, mine, message.get()));
            } catch (WorkspaceUnavailable e) {
                ui.run(() -> message.set(e.getMessage()));
            }
        });
    }

    /**
     * Saves the team's monthly limit and {@code memberName}'s, typed as dollars (empty: no limit), with
     * the hard stop for both. Refuses, with a message, what is not a positive amount or a name.
     */
    public boolean save(String teamMonthly, String memberName, String memberMonthly, boolean hardStop) {
        BigDecimal whole = amount(teamMonthly);
        BigDecimal one = amount(memberMonthly);
        if (whole != null && whole.signum() <= 0 || one != null && one.signum() <= 0) {
            message.set("A monthly limit must be dollars above zero, e.g. 200, or empty for none.");
            return false;
        }
        if (memberName == null || memberName.isBlank()) {
            message.set("Name the member whose monthly limit this is (yours is " + member.get() + ").");
            return false;
        }
        String name = memberName.strip();
        background.execute(() -> {
            try {
                TeamBudgets budgets = budgets();
                String me = team.member().orElseThrow();
                budgets.set(TeamBudgets.TEAM, new BudgetSettings(null, whole, hardStop), me);
                budgets.set(name, new BudgetSettings(null, one, hardStop), me);
                ui.run(() -> message.set("Team budget saved."));
                refresh();
            } catch (WorkspaceUnavailable e) {
                ui.run(() -> message.set("Not saved: " + e.getMessage()));
            }
        });
        return true;
    }

    private TeamBudgets budgets() {
        return new TeamBudgets(team.workspace().orElseThrow(), clock);
    }

    private void show(boolean isConnected, String me, BudgetSettings whole, BudgetSettings mine, String text) {
        connected.set(isConnected);
        member.set(me);
        teamLimits.set(whole);
        memberLimits.set(mine);
        message.set(text);
    }

    /** The amount typed; null for none; -1 for what is not an amount. */
    private static BigDecimal amount(String text) {
        if (text == null || text.isBlank()) return null;
        BigDecimal value = Money.parse(text);
        return value == null ? BigDecimal.ONE.negate() : value;
    }
}
