package parley.ui.usage;

import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import parley.usage.BudgetSettings;

/**
 * The team's budgets, a tab of the Team dialog: the team's monthly limit and a member's (this member's unless another name
 * is typed), with the hard stop; a hint on connecting when this data folder has no workspace.
 */
public final class TeamBudgetView extends VBox {
    public TeamBudgetView(TeamBudgetViewModel vm) {
        super(8);
        setPadding(new Insets(12));
        Label title = new Label("Team budget");
        title.getStyleClass().add(Styles.TITLE_4);
        Label away = new Label("This data folder is not connected to a team workspace: connect it with"
                + " 'parley team connect JDBC_URL --member NAME'.");
        away.setWrapText(true);
        away.getStyleClass().add(Styles.TEXT_MUTED);
        away.visibleProperty().bind(vm.connectedProperty().not());
        away.managedProperty().bind(away.visibleProperty());

        TextField team = field("team-budget-monthly");
        TextField member = field("team-budget-member");
        TextField memberMonthly = field("team-budget-member-monthly");
        ToggleSwitch hard = new ToggleSwitch("Refuse sends past a limit (else ask)");
        hard.setId("team-budget-hard-stop");
        vm.teamLimitsProperty().subscribe(b -> {
            team.setText(monthly(b));
            hard.setSelected(b.hardStop());
        });
        vm.memberProperty().subscribe(member::setText);
        vm.memberLimitsProperty().subscribe(b -> memberMonthly.setText(monthly(b)));
        Button save = new Button("Save team budget");
        save.setId("team-budget-save");
        save.getStyleClass().add(Styles.SMALL);
        save.setOnAction(e -> vm.save(team.getText(), member.getText(), memberMonthly.getText(), hard.isSelected()));
        GridPane limits = new GridPane(8, 6);
        limits.addRow(0, new Label("Team, monthly $"), team);
        limits.addRow(1, new Label("Member"), member);
        limits.addRow(2, new Label("Member, monthly $"), memberMonthly);
        GridPane.setHgrow(team, Priority.ALWAYS);
        VBox form = new VBox(8, limits, hard, save, hint());
        form.visibleProperty().bind(vm.connectedProperty());
        form.managedProperty().bind(form.visibleProperty());

        Label message = new Label();
        message.setId("team-budget-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        getChildren().addAll(title, away, form, message);
    }

    private static Label hint() {
        Label hint = new Label("Every member's sends count against the team's limit and their own, as your budget does:"
                + " a warning at 80%, a question or a refusal before a send that could pass a limit. Members sending at"
                + " the same moment can pass a limit by at most the requests already under way.");
        hint.setWrapText(true);
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        return hint;
    }

    private static String monthly(BudgetSettings limits) {
        return limits.monthlyLimit() == null ? "" : limits.monthlyLimit().toPlainString();
    }

    private static TextField field(String id) {
        TextField field = new TextField();
        field.setPromptText("none");
        field.setId(id);
        return field;
    }
}
