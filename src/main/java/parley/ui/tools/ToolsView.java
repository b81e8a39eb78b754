package parley.ui.tools;

import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import parley.capability.ModelCapabilities;
import parley.capability.Parameters;
import parley.capability.Support;
import parley.ui.CapabilityMarks;
import parley.ui.Dialogs;
import parley.ui.ViewBindings;

/** The Tools panel: the functions the model may call, each with its schema, and how it may call them. */
public final class ToolsView extends ScrollPane {
    private final ToolsViewModel vm;
    private final Dialogs dialogs;
    private final VBox cards = new VBox(12);
    // a card per function, built once: its controls listen to the function for as long as it is listed
    private final Map<ToolEntry, ToolCard> cardsByEntry = new IdentityHashMap<>();

    /** {@code capabilities}: the chosen model's; while it refuses or ignores tools the panel is greyed and says why. */
    public ToolsView(ToolsViewModel vm, Dialogs dialogs, ObservableValue<ModelCapabilities> capabilities) {
        this.vm = vm;
        this.dialogs = dialogs;
        setId("tools-view");
        getStyleClass().addAll("tools-view", Tweaks.EDGE_TO_EDGE);
        getStylesheets().add(ToolsView.class.getResource("tools.css").toExternalForm());
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        VBox body = new VBox(12, header(), adder(), calling(capabilities), leftOut(), new Separator(), cards);
        body.setId("tools-body");
        body.disableProperty().bind(CapabilityMarks.support(capabilities, Parameters.TOOLS).map(s -> !s.accepted()));
        VBox content = new VBox(12, capabilityNote(capabilities), body);
        content.setPadding(new Insets(12));
        setContent(content);
        vm.tools().addListener((ListChangeListener<ToolEntry>) c -> showCards());
        showCards();
    }

    private Node header() {
        Label title = new Label("Tools");
        title.getStyleClass().add(Styles.TITLE_4);
        Button importing = new Button("Import", new FontIcon(Feather.DOWNLOAD));
        importing.setId("tools-import");
        importing.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        importing.setTooltip(new Tooltip("Read a JSON file holding the API's \"tools\" array"));
        importing.setOnAction(e -> importTools());
        Button exporting = new Button("Export", new FontIcon(Feather.UPLOAD));
        exporting.setId("tools-export");
        exporting.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        exporting.setTooltip(new Tooltip("Write the functions as the API's \"tools\" array"));
        exporting.setOnAction(e -> dialogs.chooseSave("Export the tools", "tools.json").ifPresent(vm::exportTo));
        exporting.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.tools()));
        HBox row = new HBox(4, title, grow(), importing, exporting);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private Node adder() {
        TextField name = new TextField();
        name.setId("tool-new-name");
        name.setPromptText("function name, e.g. get_weather");
        HBox.setHgrow(name, Priority.ALWAYS);
        Button add = new Button("Add", new FontIcon(Feather.PLUS));
        add.setId("tool-add");
        Runnable adding = () -> {
            if (vm.add(name.getText())) name.clear();
        };
        add.setOnAction(e -> adding.run());
        name.setOnAction(e -> adding.run());
        HBox row = new HBox(6, name, add);
        row.setAlignment(Pos.CENTER_LEFT);
        Label message = message(vm.messageProperty(), Styles.TEXT_MUTED);
        message.setId("tools-message");
        vm.messageProperty().subscribe(text -> {
            boolean bad = !text.isEmpty() && !text.startsWith("Imported") && !text.startsWith("Exported");
            message.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("problem"), bad);
        });
        return new VBox(4, row, message);
    }

    /** Why the chosen model's tools (or how it may call them) are not sent as set; hidden when they are. */
    private static Node capabilityNote(ObservableValue<ModelCapabilities> capabilities) {
        Label note = message(capabilities.map(ToolsView::capabilityText), Styles.WARNING);
        note.setId("tools-capability");
        return note;
    }

    static String capabilityText(ModelCapabilities capabilities) {
        String model = capabilities.model().substring(capabilities.model().lastIndexOf('/') + 1);
        Support tools = capabilities.status(Parameters.TOOLS);
        if (tools.refused()) return model + " takes no tools: " + tools.reason() + ". They are left out of the request.";
        if (tools.ignored()) return model + " ignores tools: " + tools.reason();
        List<String> lines = new ArrayList<>();
        for (String parameter : List.of(Parameters.TOOL_CHOICE, Parameters.PARALLEL_TOOL_CALLS)) {
            Support support = capabilities.status(parameter);
            if (support.refused()) lines.add(parameter + " is left out of the request: " + support.reason());
        }
        return String.join("\n", lines);
    }

    private Node calling(ObservableValue<ModelCapabilities> capabilities) {
        Label label = new Label("Tool choice");
        label.getStyleClass().add("param-name");
        Tooltip.install(label, new Tooltip("tool_choice: auto (the model decides), none, required (some tool),"
                + " or one named function; sent only with tools"));
        ComboBox<ToolChoiceOption> choice = new ComboBox<>(vm.choices());
        choice.setId("tool-choice");
        choice.setPrefWidth(170);
        ViewBindings.follow(vm.choiceProperty(), choice.valueProperty(), vm::choose);
        HBox choiceRow = new HBox(8, label, grow(), choice);
        choiceRow.setAlignment(Pos.CENTER_LEFT);

        ToggleSwitch include = new ToggleSwitch();
        include.setId("include-parallel");
        include.setTooltip(new Tooltip("Off: parallel_tool_calls is left out (the provider's default)"));
        ToggleSwitch allow = new ToggleSwitch();
        allow.setId("parallel-switch");
        allow.setTooltip(new Tooltip("parallel_tool_calls: may the model call several functions in one reply"));
        include.setSelected(vm.parallelProperty().get() != null);
        allow.setSelected(Boolean.TRUE.equals(vm.parallelProperty().get()));
        vm.parallelProperty().subscribe(v -> {
            include.setSelected(v != null);
            allow.setSelected(Boolean.TRUE.equals(v));
        });
        include.selectedProperty().addListener((o, was, now) -> {
            if (now != (vm.parallelProperty().get() != null)) vm.setParallel(now ? allow.isSelected() : null);
        });
        allow.selectedProperty().addListener((o, was, now) -> {
            if (vm.parallelProperty().get() != null && now != vm.parallelProperty().get()) vm.setParallel(now);
        });
        allow.disableProperty().bind(include.selectedProperty().not());
        Label parallel = new Label("Parallel tool calls");
        parallel.getStyleClass().add("param-name");
        HBox parallelRow = new HBox(8, include, parallel, grow(), allow);
        parallelRow.setAlignment(Pos.CENTER_LEFT);
        return new VBox(8, CapabilityMarks.markedWithNote(choiceRow, capabilities, Parameters.TOOL_CHOICE),
                CapabilityMarks.markedWithNote(parallelRow, capabilities, Parameters.PARALLEL_TOOL_CALLS));
    }

    private Node leftOut() {
        Label label = message(vm.leftOutProperty(), Styles.WARNING);
        label.setId("tools-left-out");
        return label;
    }

    private void showCards() {
        if (vm.tools().isEmpty()) {
            cardsByEntry.clear();
            Label empty = new Label("No functions yet: add one by name, or import a tools file.");
            empty.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            empty.setWrapText(true);
            cards.getChildren().setAll(empty);
            return;
        }
        cardsByEntry.keySet().retainAll(vm.tools());
        List<ToolCard> shown = new ArrayList<>();
        for (ToolEntry entry : vm.tools()) {
            ToolCard card = cardsByEntry.computeIfAbsent(entry, e -> new ToolCard(vm, e));
            card.number(shown.size());
            shown.add(card);
        }
        cards.getChildren().setAll(shown);
    }

    private void importTools() {
        if (!vm.tools().isEmpty() && !dialogs.confirm("Import tools", "Replace the functions?",
                "The file's functions take the place of the " + vm.tools().size() + " in the panel.")) {
            return;
        }
        dialogs.chooseOpen("Import tools", "*.json").ifPresent(vm::importFrom);
    }

    private static Label message(ObservableValue<String> text, String style) {
        Label message = new Label();
        message.getStyleClass().addAll(style, Styles.TEXT_SMALL);
        message.setWrapText(true);
        message.textProperty().bind(text);
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        message.visibleProperty().bind(message.managedProperty());
        return message;
    }

    private static Region grow() {
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        return grow;
    }
}
