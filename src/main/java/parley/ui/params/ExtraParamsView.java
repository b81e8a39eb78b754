package parley.ui.params;

import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import javafx.beans.value.ObservableValue;
import parley.capability.ModelCapabilities;
import parley.capability.Parameters;
import parley.ui.CapabilityMarks;
import parley.ui.ViewBindings;

/** The seed with its dice, the number of choices, log-probabilities and the reasoning effort. */
public final class ExtraParamsView extends VBox {
    private static final String NOT_SENT = "";
    private final ExtraParamsViewModel vm;

    /** {@code capabilities}: the chosen model's; a control it ignores is greyed with the reason, one it refuses hidden. */
    public ExtraParamsView(ExtraParamsViewModel vm, ObservableValue<ModelCapabilities> capabilities) {
        super(10);
        this.vm = vm;
        setId("extra-params");
        getChildren().addAll(
                CapabilityMarks.markedWithNote(seed(), capabilities, Parameters.SEED),
                CapabilityMarks.markedWithNote(choices(), capabilities, Parameters.N),
                CapabilityMarks.markedWithNote(logprobs(), capabilities, Parameters.LOGPROBS),
                CapabilityMarks.markedWithNote(top(), capabilities, Parameters.TOP_LOGPROBS),
                CapabilityMarks.markedWithNote(effort(), capabilities, Parameters.REASONING_EFFORT));
    }

    private Node seed() {
        ToggleSwitch on = toggle("include-seed", "Off: seed is left out of the request");
        ViewBindings.follow(vm.seedOnProperty(), on.selectedProperty(), vm::setSeedOn);
        TextField field = new TextField();
        field.setId("field-seed");
        field.setPrefColumnCount(10);
        field.setAlignment(Pos.CENTER_RIGHT);
        field.setText(Long.toString(vm.seedProperty().get()));
        vm.seedProperty().subscribe(v -> field.setText(Long.toString(v.longValue())));
        field.setOnAction(e -> commitSeed(field));
        field.focusedProperty().addListener((o, was, now) -> { if (!now) commitSeed(field); });
        field.disableProperty().bind(vm.seedOnProperty().not());
        Button dice = new Button(null, new FontIcon(Feather.SHUFFLE));
        dice.setId("seed-dice");
        dice.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        dice.setTooltip(new Tooltip("A random seed (switched on)"));
        dice.setOnAction(e -> vm.rollSeed());
        Label message = message(vm.messageProperty());
        message.setId("seed-message");
        Node row = row(on, name("Seed", "seed: the same seed and parameters should give the same reply"
                + " (best effort; not every provider keeps to it)"), grow(), field, dice);
        return new VBox(4, row, message);
    }

    private Node choices() {
        ToggleSwitch on = toggle("include-n", "Off: n is left out (one reply)");
        ViewBindings.follow(vm.nOnProperty(), on.selectedProperty(), vm::setNOn);
        Spinner<Integer> spinner = spinner("n-spinner", 1, ExtraParamsViewModel.MAX_N, vm.nProperty().get());
        vm.nProperty().subscribe(v -> spinner.getValueFactory().setValue(v.intValue()));
        spinner.valueProperty().addListener((o, old, now) -> vm.setN(now));
        spinner.disableProperty().bind(vm.nOnProperty().not());
        return row(on, name("Choices (n)", "n: how many replies to generate for the message"), grow(), spinner);
    }

    private Node logprobs() {
        ToggleSwitch on = toggle("logprobs-switch", "logprobs: the probability of each token of the reply");
        on.setSelected(vm.logprobsOn());
        vm.logprobsProperty().subscribe(v -> on.setSelected(Boolean.TRUE.equals(v)));
        on.selectedProperty().addListener((o, was, now) -> {
            if (now != vm.logprobsOn()) vm.setLogprobs(now);
        });
        return row(on, name("Log-probabilities", "logprobs: the probability of each token of the reply"));
    }

    private Node top() {
        ToggleSwitch on = toggle("include-top-logprobs", "Off: top_logprobs is left out");
        ViewBindings.follow(vm.topOnProperty(), on.selectedProperty(), vm::setTopOn);
        Spinner<Integer> spinner = spinner("top-logprobs-spinner", 0, 20, vm.topProperty().get());
        vm.topProperty().subscribe(v -> spinner.getValueFactory().setValue(v.intValue()));
        spinner.valueProperty().addListener((o, old, now) -> vm.setTop(now));
        Label name = name("Top alternatives", "top_logprobs (0 to 20): how many likely tokens to list at each"
                + " position; needs log-probabilities on");
        Node row = row(on, name, grow(), spinner);
        row.setId("top-logprobs-row");
        row.disableProperty().bind(vm.logprobsProperty().isNotEqualTo(Boolean.TRUE));
        spinner.disableProperty().bind(vm.topOnProperty().not());
        return row;
    }

    private Node effort() {
        ComboBox<String> box = new ComboBox<>(vm.efforts());
        box.setId("reasoning-effort");
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(String value) { return value == null || value.isEmpty() ? "Not sent" : value; }

            @Override
            public String fromString(String text) { return text; }
        });
        box.setPrefWidth(120);
        box.setValue(vm.effortProperty().get().isEmpty() ? null : vm.effortProperty().get());
        vm.effortProperty().subscribe(v -> box.setValue(v.isEmpty() ? null : v));
        box.valueProperty().addListener((o, old, now) -> {
            if (!(now == null ? NOT_SENT : now).equals(vm.effortProperty().get())) vm.setEffort(now);
        });
        Button clear = new Button(null, new FontIcon(Feather.X));
        clear.setId("reasoning-effort-clear");
        clear.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        clear.setTooltip(new Tooltip("Leave reasoning_effort out"));
        clear.setOnAction(e -> vm.setEffort(null));
        clear.visibleProperty().bind(vm.effortProperty().isNotEmpty());
        return row(name("Reasoning effort", "reasoning_effort: how long a reasoning model thinks"
                + " (minimal, low, medium, high); not sent: the model's default"), grow(), box, clear);
    }

    private void commitSeed(TextField field) {
        if (!field.getText().strip().equals(Long.toString(vm.seedProperty().get())) && !vm.setSeedText(field.getText())) {
            field.setText(Long.toString(vm.seedProperty().get()));
        }
    }

    private static Spinner<Integer> spinner(String id, int min, int max, int value) {
        Spinner<Integer> spinner = new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, value));
        spinner.setId(id);
        spinner.setEditable(true);
        spinner.setPrefWidth(96);
        return spinner;
    }

    private static ToggleSwitch toggle(String id, String tip) {
        ToggleSwitch on = new ToggleSwitch();
        on.setId(id);
        on.setTooltip(new Tooltip(tip));
        return on;
    }

    private static Label name(String text, String tip) {
        Label name = new Label(text);
        name.getStyleClass().add("param-name");
        Tooltip about = new Tooltip(tip);
        about.setWrapText(true);
        about.setMaxWidth(320);
        name.setTooltip(about);
        return name;
    }

    static Label message(javafx.beans.value.ObservableValue<String> text) {
        Label message = new Label();
        message.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
        message.setWrapText(true);
        message.textProperty().bind(text);
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        message.visibleProperty().bind(message.managedProperty());
        return message;
    }

    private static HBox row(Node... nodes) {
        HBox row = new HBox(8, nodes);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static Region grow() {
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        return grow;
    }
}
