package parley.ui.params;

import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import parley.capability.Parameters;
import parley.capability.Support;
import parley.ui.CapabilityMarks;
import parley.ui.ViewBindings;

/** The parameter panel: system prompt, the numeric parameters, stop sequences, stream switches. */
public final class ParamsView extends ScrollPane {
    private final ParamsViewModel vm;
    private final VBox content = new VBox(12);
    private final java.util.List<Runnable> alsoReset = new java.util.ArrayList<>();

    public ParamsView(ParamsViewModel vm) {
        this.vm = vm;
        setId("params-view");
        getStyleClass().addAll("params-view", atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        content.setPadding(new Insets(12));
        content.getChildren().add(header());
        content.getChildren().add(systemPrompt());
        content.getChildren().add(new Separator());
        content.getChildren().add(leftOutNote());
        vm.numbers().forEach(p -> content.getChildren().add(new NumberParamRow(p, support(p.spec().key()))));
        content.getChildren().addAll(new Separator(), marked(stops(), Parameters.STOP), new Separator(), switches());
        setContent(content);
    }

    private ObservableValue<Support> support(String parameter) {
        return vm.capabilitiesProperty().map(c -> c.status(parameter));
    }

    /** {@code node} greyed while the chosen model ignores {@code parameter}, and not shown while it refuses it. */
    private Node marked(Node node, String parameter) {
        return CapabilityMarks.marked(node, support(parameter));
    }

    /** Which parameters the chosen model refuses, and why: they are left out of the request. */
    private Node leftOutNote() {
        Label note = new Label();
        note.setId("left-out-note");
        note.getStyleClass().addAll(Styles.WARNING, Styles.TEXT_SMALL);
        note.setWrapText(true);
        note.textProperty().bind(vm.leftOutProperty());
        note.managedProperty().bind(note.textProperty().isNotEmpty());
        note.visibleProperty().bind(note.managedProperty());
        return note;
    }

    /** Puts a section (the extended parameters, the output format) under the others, after a separator. */
    public void addSection(Node node) {
        content.getChildren().addAll(new Separator(), node);
    }

    /** Runs {@code reset} too when "Reset to defaults" is pressed (the sections' own defaults). */
    public void alsoReset(Runnable reset) {
        alsoReset.add(reset);
    }

    /** Puts a node (the preset bar) above the parameters. */
    public void setTop(Node node) {
        content.getChildren().add(1, node);
    }

    private Node header() {
        Label title = new Label("Parameters");
        title.getStyleClass().add(Styles.TITLE_4);
        Button reset = new Button("Reset to defaults", new FontIcon(Feather.ROTATE_CCW));
        reset.setId("reset-params");
        reset.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        reset.setOnAction(e -> {
            vm.resetToDefaults();
            alsoReset.forEach(Runnable::run);
        });
        reset.setTooltip(new Tooltip("The seed's defaults: max_tokens 1024 and temperature 0.7 sent,"
                + " the others left out, no stop sequences, streaming with usage; seed, choices,"
                + " log-probabilities, reasoning effort, output format and tool choice not sent"));
        HBox row = new HBox(8, title, grow(), reset);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private Node systemPrompt() {
        Label label = new Label("System prompt");
        label.getStyleClass().add("param-name");
        TextArea area = new TextArea();
        area.setId("system-prompt");
        area.setPromptText("Optional: sent first, as the system message");
        area.setWrapText(true);
        area.setPrefRowCount(3);
        ViewBindings.follow(vm.systemPromptProperty(), area.textProperty(), vm::setSystemPrompt);
        return new VBox(4, label, area);
    }

    private Node stops() {
        Label label = new Label("Stop sequences");
        label.getStyleClass().add("param-name");
        Label count = new Label();
        count.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        TextField input = new TextField();
        input.setId("stop-input");
        input.setPromptText("Type a sequence, press Enter");
        HBox.setHgrow(input, Priority.ALWAYS);
        Button add = new Button("Add");
        add.setId("stop-add");
        add.getStyleClass().add(Styles.SMALL);
        Runnable submit = () -> { if (vm.addStop(input.getText())) input.clear(); };
        add.setOnAction(e -> submit.run());
        input.setOnAction(e -> submit.run());
        FlowPane chips = new FlowPane(6, 6);
        chips.setId("stop-chips");
        Runnable refresh = () -> {
            chips.getChildren().setAll(vm.stops().stream().map(this::chip).toList());
            count.setText(vm.stops().size() + " of 4");
        };
        vm.stops().addListener((ListChangeListener<String>) c -> refresh.run());
        refresh.run();
        Label message = new Label();
        message.setId("params-message");
        message.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        message.visibleProperty().bind(message.managedProperty());
        HBox head = new HBox(8, label, grow(), count);
        head.setAlignment(Pos.CENTER_LEFT);
        HBox entry = new HBox(6, input, add);
        entry.setAlignment(Pos.CENTER_LEFT);
        Tooltip.install(label, new Tooltip("stop: up to 4 sequences where the API will stop generating"
                + " further tokens. Escapes \\n and \\t are typed as such."));
        return new VBox(6, head, entry, chips, message);
    }

    private Node chip(String stop) {
        Label text = new Label(ParamsViewModel.visible(stop));
        Button remove = new Button(null, new FontIcon(Feather.X));
        remove.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        remove.setTooltip(new Tooltip("Remove"));
        remove.setOnAction(e -> vm.removeStop(stop));
        HBox chip = new HBox(2, text, remove);
        chip.setAlignment(Pos.CENTER_LEFT);
        chip.getStyleClass().add("stop-chip");
        return chip;
    }

    private Node switches() {
        ToggleSwitch stream = new ToggleSwitch("Stream the reply");
        stream.setId("stream-switch");
        ViewBindings.follow(vm.streamProperty(), stream.selectedProperty(), vm::setStream);
        stream.setTooltip(new Tooltip("stream: partial message deltas are sent as server-sent events"));
        ToggleSwitch usage = new ToggleSwitch("Include usage");
        usage.setId("usage-switch");
        ViewBindings.follow(vm.includeUsageProperty(), usage.selectedProperty(), vm::setIncludeUsage);
        usage.setTooltip(new Tooltip("stream_options.include_usage: the token counts arrive at the end"
                + " of the stream"));
        usage.disableProperty().bind(vm.streamProperty().not());
        return new VBox(10, marked(new HBox(stream), Parameters.STREAM), usage);
    }

    private static Node grow() {
        javafx.scene.layout.Region r = new javafx.scene.layout.Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }
}
