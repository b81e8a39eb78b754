package parley.ui.settings;

import atlantafx.base.theme.Styles;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The tool bar's button that opens the network settings (proxy, CA file) in a dialog. */
public final class NetworkButton extends Button {
    private final NetworkView view;
    private Dialog<Void> dialog;

    public NetworkButton(NetworkViewModel vm) {
        super(null, new FontIcon(Feather.GLOBE));
        this.view = new NetworkView(vm);
        setId("network-button");
        getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        setTooltip(new Tooltip("Network: proxy and certificates"));
        setOnAction(e -> open());
    }

    /** Shows the form; it stays open after Save so its message can be read. */
    public void open() {
        if (dialog == null) {
            dialog = new Dialog<>();
            dialog.setTitle("Network");
            dialog.setHeaderText("Proxy and certificate authority for requests to providers");
            dialog.getDialogPane().setContent(view);
            dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
            if (getScene() != null) dialog.initOwner(getScene().getWindow());
        }
        dialog.show();
    }

    /** The form (for tests). */
    public NetworkView view() { return view; }
}
