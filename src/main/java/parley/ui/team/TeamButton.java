package parley.ui.team;

import atlantafx.base.theme.Styles;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import parley.ui.Dialogs;
import parley.ui.usage.TeamBudgetView;
import parley.ui.usage.TeamBudgetViewModel;

/**
 * The tool bar's team control: the indicator ("Team: ada", "team offline · 3 queued", or an icon alone
 * without a workspace); a click opens the team settings in a dialog, which asks for the status anew.
 */
public final class TeamButton extends Button {
    private final TeamViewModel vm;
    private final TeamView view;
    private Dialog<Void> dialog;

    private final TeamBudgetViewModel budgets;
    private final TeamBudgetView budgetView;

    public TeamButton(TeamViewModel vm, TeamBudgetViewModel budgets, Dialogs dialogs) {
        super(null, new FontIcon(Feather.USERS));
        this.vm = vm;
        this.view = new TeamView(vm, dialogs);
        this.budgets = budgets;
        this.budgetView = new TeamBudgetView(budgets);
        setId("team-button");
        getStyleClass().add(Styles.FLAT);
        setTooltip(new Tooltip("Team workspace: connect, status, disconnect"));
        textProperty().bind(vm.indicatorProperty().map(text -> text.isEmpty() ? null : text));
        vm.statusProperty().subscribe(s -> {
            getStyleClass().remove(Styles.WARNING);
            if (s.configured() && !s.connected()) getStyleClass().add(Styles.WARNING);
        });
        setOnAction(e -> open());
    }

    /** Shows the form (and refreshes the status); it stays open so its message can be read. */
    public void open() {
        if (dialog == null) {
            dialog = new Dialog<>();
            dialog.setTitle("Team workspace");
            dialog.setHeaderText("A team's PostgreSQL: one ledger, shared presets, experiments and conversations");
            dialog.getDialogPane().setContent(tabs());
            dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
            if (getScene() != null) dialog.initOwner(getScene().getWindow());
        }
        vm.refresh();
        dialog.show();
    }

    /** The connection and the team's budgets, each a tab; the budgets are read again each time their tab is shown. */
    private TabPane tabs() {
        Tab connection = new Tab("Connection", view);
        connection.setId("team-tab-connection");
        Tab budgetTab = new Tab("Budgets", budgetView);
        budgetTab.setId("team-tab-budgets");
        budgetTab.selectedProperty().subscribe(shown -> {
            if (shown) budgets.refresh();
        });
        TabPane tabs = new TabPane(connection, budgetTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        return tabs;
    }

    /** The form (for tests). */
    public TeamView view() { return view; }
}
