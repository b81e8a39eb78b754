package parley.ui.models;

import atlantafx.base.controls.PasswordTextField;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.collections.SetChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import parley.provider.ProviderProfile;
import parley.ui.ViewBindings;

/** The tool bar's provider part: provider, its state, the model picker, the key and a connection test. */
public final class ProviderBar extends HBox {
    private final ProviderViewModel vm;
    private final ComboBox<ProviderProfile> providers = new ComboBox<>();
    private final ModelPicker picker;

    public ProviderBar(ProviderViewModel vm) {
        super(6);
        this.vm = vm;
        setId("provider-bar");
        setAlignment(Pos.CENTER_LEFT);

        providers.setId("provider-select");
        providers.setItems(vm.providers());
        providers.setCellFactory(v -> new ProviderCell());
        providers.setButtonCell(new ProviderCell());
        providers.setPrefWidth(190);
        providers.setMinWidth(110);
        ViewBindings.follow(vm.providerProperty(), providers.valueProperty(), vm::selectProvider);
        providers.setTooltip(new Tooltip("The provider requests go to"));
        vm.running().addListener((SetChangeListener<String>) c -> refreshCells());

        Button add = new Button(null, new FontIcon(Feather.PLUS));
        add.setId("add-provider");
        add.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        add.setTooltip(new Tooltip("Add an OpenAI-compatible server by its base URL"));
        add.setOnAction(e -> askBaseUrl().ifPresent(vm::addCustom));

        ToggleButton local = new ToggleButton("Local");
        local.setId("mark-local");
        local.getStyleClass().add(Styles.SMALL);
        Tooltip localTip = new Tooltip("This server runs on this computer: its models cost nothing and need no key."
                + " Leave it off for a proxy that forwards to a paid provider: its prices stay unknown until you set them.");
        localTip.setWrapText(true);
        localTip.setMaxWidth(420);
        local.setTooltip(localTip);
        local.visibleProperty().bind(vm.customProperty());
        local.managedProperty().bind(local.visibleProperty());
        ViewBindings.follow(vm.providerProperty().map(ProviderProfile::local), local.selectedProperty(), vm::markLocal);

        Label state = new Label();
        state.setId("provider-state");
        state.getStyleClass().add("provider-state");
        FontIcon dot = new FontIcon(Feather.CIRCLE);
        state.setGraphic(dot);
        vm.reachProperty().subscribe(r -> showReach(state, r));
        Tooltip stateTip = new Tooltip();
        stateTip.setWrapText(true);
        stateTip.setMaxWidth(420);
        stateTip.textProperty().bind(Bindings.createStringBinding(() -> String.join("\n",
                        vm.keyStatusProperty().get(), nonEmpty(vm.reachMessageProperty().get(), "Not checked yet."),
                        vm.detectionProperty().get()).strip(),
                vm.keyStatusProperty(), vm.reachMessageProperty(), vm.detectionProperty()));
        state.setTooltip(stateTip);

        picker = new ModelPicker(vm);

        PasswordTextField key = new PasswordTextField();
        key.setId("api-key");
        key.setPrefColumnCount(17);
        key.setMinWidth(90);
        key.promptTextProperty().bind(vm.keyStatusProperty());
        FontIcon eye = new FontIcon(Feather.EYE_OFF);
        eye.setCursor(javafx.scene.Cursor.HAND);
        eye.setOnMouseClicked(e -> {
            key.setRevealPassword(!key.getRevealPassword());
            eye.setIconCode(key.getRevealPassword() ? Feather.EYE : Feather.EYE_OFF);
        });
        key.setRight(eye);
        Tooltip keyTip = new Tooltip("API key for this provider. " + vm.keyStorage());
        keyTip.setWrapText(true);
        keyTip.setMaxWidth(420);
        key.setTooltip(keyTip);
        key.setOnAction(e -> vm.setTypedKey(key.getPassword()));
        key.focusedProperty().addListener((o, was, now) -> { if (!now) vm.setTypedKey(key.getPassword()); });
        vm.providerProperty().subscribe(p -> key.setText(""));

        Button test = new Button("Test", new FontIcon(Feather.ZAP));
        test.setId("test-connection");
        test.setTooltip(new Tooltip("Test the connection: ask the provider for its models with this key"));
        test.setOnAction(e -> {
            vm.setTypedKey(key.getPassword());
            vm.testConnection();
        });
        Button forget = new Button(null, new FontIcon(Feather.TRASH_2));
        forget.setId("forget-key");
        forget.getStyleClass().addAll(atlantafx.base.theme.Styles.BUTTON_ICON, atlantafx.base.theme.Styles.FLAT);
        forget.setTooltip(new Tooltip("Forget the key kept for this provider"));
        forget.visibleProperty().bind(vm.keyStateProperty().isEqualTo(ProviderViewModel.KeyState.TYPED));
        forget.managedProperty().bind(forget.visibleProperty());
        forget.setOnAction(e -> {
            key.setText("");
            vm.setTypedKey("");
        });
        getChildren().addAll(providers, add, local, state, picker, key, forget, endUser(), test);
    }

    /**
     * The end-user id sent as the request's {@code user}, one per provider: a field in the menu of a
     * small button, which the tool bar has room for.
     */
    private MenuButton endUser() {
        TextField user = new TextField();
        user.setId("end-user");
        user.setPrefColumnCount(16);
        user.setPromptText("none: user is left out");
        vm.endUserProperty().subscribe(user::setText);
        user.setOnAction(e -> vm.setEndUser(user.getText()));
        user.focusedProperty().addListener((o, was, now) -> { if (!now) vm.setEndUser(user.getText()); });
        Label about = new Label("user: an id for the end user, sent with every request to this provider"
                + " (OpenAI and LiteLLM use it in abuse checks and spend tracking). Kept with this provider's settings.");
        about.setWrapText(true);
        about.setMaxWidth(300);
        about.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        CustomMenuItem item = new CustomMenuItem(new VBox(6, user, about), false);
        MenuButton button = new MenuButton(null, new FontIcon(Feather.USER), item);
        button.setId("end-user-menu");
        button.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Tweaks.NO_ARROW);
        button.setOnHidden(e -> vm.setEndUser(user.getText()));
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(vm.endUserProperty().map(u -> u.isEmpty()
                ? "The end user's id (user) sent to this provider: none" : "Sent as user to this provider: " + u));
        button.setTooltip(tip);
        vm.endUserProperty().subscribe(u -> {
            if (u.isEmpty()) button.getStyleClass().remove(Styles.ACCENT);
            else if (!button.getStyleClass().contains(Styles.ACCENT)) button.getStyleClass().add(Styles.ACCENT);
        });
        return button;
    }

    public ModelPicker picker() { return picker; }

    private Optional<String> askBaseUrl() {
        TextInputDialog dialog = new TextInputDialog();
        dialog.getEditor().setPromptText("e.g. http://127.0.0.1:8080/v1");
        dialog.getEditor().setPrefColumnCount(28);
        dialog.initOwner(getScene().getWindow());
        dialog.setTitle("Add a server");
        dialog.setHeaderText("Base URL of an OpenAI-compatible server");
        dialog.getEditor().setId("base-url-input");
        dialog.getDialogPane().getStylesheets().addAll(getScene().getStylesheets());
        return dialog.showAndWait();
    }

    private void refreshCells() {
        providers.setCellFactory(v -> new ProviderCell());
        providers.setButtonCell(new ProviderCell());
    }

    private static void showReach(Label state, ProviderViewModel.Reach reach) {
        state.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER, Styles.TEXT_MUTED, Styles.ACCENT);
        switch (reach) {
            case REACHABLE -> { state.setText("online"); state.getStyleClass().add(Styles.SUCCESS); }
            case UNREACHABLE -> { state.setText("no answer"); state.getStyleClass().add(Styles.DANGER); }
            case CHECKING -> { state.setText("checking…"); state.getStyleClass().add(Styles.ACCENT); }
            case UNKNOWN -> { state.setText("not checked"); state.getStyleClass().add(Styles.TEXT_MUTED); }
        }
    }

    private static String nonEmpty(String s, String fallback) {
        return s == null || s.isEmpty() ? fallback : s;
    }

    private final class ProviderCell extends ListCell<ProviderProfile> {
        @Override
        protected void updateItem(ProviderProfile p, boolean empty) {
            super.updateItem(p, empty);
            if (empty || p == null) {
                setText(null);
                return;
            }
            String suffix = vm.running().contains(p.id()) ? "  · running" : p.local() ? "  · local" : "";
            setText(p.name() + suffix);
            setTooltip(new Tooltip(p.baseUrl()));
        }
    }
}
