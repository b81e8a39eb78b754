package parley.ui.team;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import parley.team.TeamStatus;
import parley.ui.Dialogs;

/** The team form: the workspace's JDBC URL, member name, user and password; Connect, Disconnect, and the status. */
public final class TeamView extends VBox {
    private final TextField url = field("team-url", "jdbc:postgresql://db.example.com:5432/parley?sslmode=verify-full");
    private final TextField member = field("team-member", "the name the team sees, e.g. ada");
    private final TextField user = field("team-user", "the database user (empty: the URL's)");
    private final PasswordField password = new PasswordField();
    private final Label status = new Label();

    public TeamView(TeamViewModel vm, Dialogs dialogs) {
        super(10);
        setId("team-settings");
        setPadding(new Insets(12));
        setPrefWidth(520);
        password.setId("team-password");
        password.setPromptText("kept in the keyring, never in a file");

        GridPane form = new GridPane(8, 8);
        form.addRow(0, new Label("JDBC URL"), url);
        form.addRow(1, new Label("Member"), member);
        form.addRow(2, new Label("User"), user);
        form.addRow(3, new Label("Password"), password);

        Button connect = new Button("Connect");
        connect.setId("team-connect");
        connect.setDefaultButton(true);
        connect.setOnAction(e -> {
            vm.connect(url.getText(), member.getText(), user.getText(), password.getText());
            password.clear();
        });
        Button disconnect = new Button("Disconnect");
        disconnect.setId("team-disconnect");
        disconnect.setOnAction(e -> {
            TeamStatus now = vm.statusProperty().get();
            if (dialogs.confirm("Leave the team workspace", null, leaveQuestion(now))) vm.disconnect();
        });
        Button refresh = new Button("Refresh");
        refresh.setId("team-refresh");
        refresh.setOnAction(e -> vm.refresh());
        HBox buttons = new HBox(8, connect, disconnect, refresh);
        buttons.disableProperty().bind(vm.stateProperty().isNotEqualTo(TeamViewModel.State.IDLE));
        disconnect.visibleProperty().bind(vm.statusProperty().map(TeamStatus::configured));

        status.setId("team-status");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty().map(TeamView::describe));
        Label message = new Label();
        message.setId("team-message");
        message.setWrapText(true);
        message.getStyleClass().add(Styles.TEXT_MUTED);
        message.textProperty().bind(vm.messageProperty());
        vm.statusProperty().subscribe(this::fill);
        getChildren().addAll(form, buttons, status, message);
    }

    private void fill(TeamStatus s) {
        if (!s.configured()) return;
        url.setText(s.url());
        member.setText(s.member());
    }

    private static String leaveQuestion(TeamStatus s) {
        return s.queuedRows() == 0 ? "Leave the workspace? Its password is forgotten."
                : "Leave the workspace? " + s.queuedRows() + (s.queuedRows() == 1 ? " ledger row waits" : " ledger rows wait")
                + " to be sent; what cannot be sent now is dropped from the queue (it stays in this computer's ledger).";
    }

    /** The status in a few lines: where, who, the schema, the members, what waits, the problem. */
    static String describe(TeamStatus s) {
        if (!s.configured()) {
            return "Not connected to a team workspace" + (s.queuedRows() > 0 ? " (" + s.queuedRows() + " rows queued)." : ".");
        }
        StringBuilder out = new StringBuilder();
        out.append(s.connected() ? "Connected to " : "Not reachable now: ").append(s.url()).append('\n');
        out.append("Member: ").append(s.member()).append('\n');
        if (s.schemaVersion() != null) out.append("Schema version: ").append(s.schemaVersion())
                .append(s.readOnly() ? " (read-only here)" : "").append('\n');
        if (s.members() != null) out.append("Members: ").append(String.join(", ", s.members())).append('\n');
        out.append("Rows queued: ").append(s.queuedRows());
        if (s.problem() != null) out.append('\n').append(s.problem());
        return out.toString();
    }

    private static TextField field(String id, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.setPrefColumnCount(30);
        return field;
    }
}
