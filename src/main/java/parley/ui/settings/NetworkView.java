package parley.ui.settings;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import parley.network.NetworkSettings;

/** The network form: proxy host, port, user and password, and a CA file; Save puts them to use. */
public final class NetworkView extends VBox {
    private final TextField host = field("network-proxy-host", "proxy.example.com (empty: no proxy of its own)");
    private final TextField port = field("network-proxy-port", "3128");
    private final TextField user = field("network-proxy-user", "only when the proxy asks for one");
    private final PasswordField password = new PasswordField();
    private final TextField caFile = field("network-ca-file", "/path/to/company-ca.pem");

    public NetworkView(NetworkViewModel vm) {
        super(10);
        setId("network-settings");
        setPadding(new Insets(12));
        setPrefWidth(480);
        password.setId("network-proxy-password");
        vm.passwordKeptProperty().subscribe(kept -> password.setPromptText(kept
                ? "kept in the keyring (type to replace)" : "stored in the keyring, never in a file"));
        vm.settingsProperty().subscribe(this::fill);

        GridPane form = new GridPane(8, 8);
        form.addRow(0, new Label("Proxy host"), host);
        form.addRow(1, new Label("Port"), port);
        form.addRow(2, new Label("User"), user);
        form.addRow(3, new Label("Password"), password);
        form.addRow(4, new Label("CA file (PEM)"), caFile);

        Label environment = new Label();
        environment.getStyleClass().add(Styles.TEXT_MUTED);
        environment.setWrapText(true);
        environment.textProperty().bind(vm.environmentProperty().map(env -> env.isEmpty()
                ? "No proxy variables are set; without a proxy here, the system's proxy settings apply."
                : "From the environment (a proxy set here wins; NO_PROXY always applies):\n" + env));
        Label message = new Label();
        message.setId("network-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());

        Button save = new Button("Save");
        save.setId("network-save");
        save.setDefaultButton(true);
        save.disableProperty().bind(vm.stateProperty().isNotEqualTo(NetworkViewModel.State.IDLE));
        save.setOnAction(e -> {
            vm.save(host.getText(), port.getText(), user.getText(), password.getText(), caFile.getText());
            password.clear();
        });
        getChildren().addAll(form, environment, save, message);
    }

    private void fill(NetworkSettings s) {
        host.setText(s.proxyHost());
        port.setText(s.proxyPort() == 0 ? "" : Integer.toString(s.proxyPort()));
        user.setText(s.proxyUser());
        caFile.setText(s.caFile());
    }

    private static TextField field(String id, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.setPrefColumnCount(24);
        return field;
    }
}
