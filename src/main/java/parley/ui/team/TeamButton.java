package parley.ui.team;

import atlantafx.base.theme.Styles;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import parley.ui.Dialogs;

/**
 * The tool bar's team control: the indicator ("Team: ada", "team offline · 3 queued", or an icon alone
 * without a workspace); a click opens the team settings in a dialog, which asks for the status anew.
 */
public final class TeamButton extends Button {
    private final TeamViewModel vm;
    private final TeamView view;
    private Dialog<Void> dialog;

    public TeamButton(TeamViewModel vm, Dialogs dialogs) {
        super(null, new FontIcon(Feather.USERS));
        this.vm = vm;
        this.view = new TeamView(vm, dialogs);
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
            dialog.getDialogPane().setContent(view);
            dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
            if (getScene() != null) dialog.initOwner(getScene().getWindow());
        }
        vm.refresh();
        dialog.show();
    }

    /** The form (for tests). */
    public TeamView view() { return view; }
}
