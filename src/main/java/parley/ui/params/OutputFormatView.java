package parley.ui.params;

import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.ListCell;
import parley.capability.ModelCapabilities;
import parley.capability.Parameters;
import parley.capability.Support;
import parley.ui.CapabilityMarks;
import parley.ui.ViewBindings;
import parley.ui.schema.SchemaEditor;

/** {@code response_format}: a choice of kind and, for a JSON schema, its name, strictness and schema. */
public final class OutputFormatView extends VBox {
    /**
     * {@code capabilities}: the chosen model's; a JSON output it refuses is greyed in the choice with the
     * reason, and said to be left out while it is chosen.
     */
    public OutputFormatView(OutputFormatViewModel vm, ObservableValue<ModelCapabilities> capabilities) {
        super(8);
        setId("output-format");
        Label title = new Label("Output format");
        title.getStyleClass().add("param-name");
        Tooltip.install(title, new Tooltip("response_format: plain text, any JSON object (the prompt should ask for"
                + " JSON), or JSON that follows a schema"));
        ComboBox<OutputFormatViewModel.Kind> kind = new ComboBox<>();
        kind.getItems().setAll(OutputFormatViewModel.Kind.values());
        kind.setId("output-kind");
        kind.setCellFactory(list -> new KindCell(capabilities));
        ViewBindings.follow(vm.kindProperty(), kind.valueProperty(), vm::choose);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox head = new HBox(8, title, grow, kind);
        head.setAlignment(Pos.CENTER_LEFT);

        TextField name = new TextField();
        name.setId("output-schema-name");
        name.setPromptText("name");
        name.setTooltip(new Tooltip("json_schema.name: letters, digits, _ or -"));
        ViewBindings.follow(vm.nameProperty(), name.textProperty(), vm::setName);
        HBox.setHgrow(name, Priority.ALWAYS);
        ToggleSwitch strict = new ToggleSwitch("Strict");
        strict.setId("output-strict");
        strict.setTooltip(new Tooltip("json_schema.strict: the reply must follow the schema exactly"));
        strict.setSelected(Boolean.TRUE.equals(vm.strictProperty().get()));
        vm.strictProperty().subscribe(v -> strict.setSelected(Boolean.TRUE.equals(v)));
        strict.selectedProperty().addListener((o, was, now) -> {
            if (!Boolean.valueOf(now).equals(vm.strictProperty().get())) vm.setStrict(now);
        });
        HBox nameRow = new HBox(8, name, strict);
        nameRow.setAlignment(Pos.CENTER_LEFT);
        Label nameProblem = ExtraParamsView.message(vm.nameProblemProperty());
        nameProblem.setId("output-name-problem");
        VBox schemaBox = new VBox(6, nameRow, nameProblem);
        schemaBox.visibleProperty().bind(vm.kindProperty().isEqualTo(OutputFormatViewModel.Kind.JSON_SCHEMA));
        schemaBox.managedProperty().bind(schemaBox.visibleProperty());
        // the code editor (half a second of classes the first time) is built when a schema is first asked for
        schemaBox.visibleProperty().subscribe(shown -> {
            if (shown && !(schemaBox.getChildren().getLast() instanceof SchemaEditor)) schemaBox.getChildren().add(new SchemaEditor(vm.schema(),
                    "output-schema", "The schema the reply must follow, e.g. {\"type\": \"object\", \"properties\": {…}}"));
        });

        Label leftOut = new Label();
        leftOut.setId("output-left-out");
        leftOut.getStyleClass().addAll(Styles.WARNING, Styles.TEXT_SMALL);
        leftOut.setWrapText(true);
        leftOut.textProperty().bind(vm.leftOutProperty());
        leftOut.visibleProperty().bind(vm.leftOutProperty().isNotEmpty());
        leftOut.managedProperty().bind(leftOut.visibleProperty());
        Label refused = new Label();
        refused.setId("output-refused");
        refused.getStyleClass().addAll(Styles.WARNING, Styles.TEXT_SMALL);
        refused.setWrapText(true);
        refused.textProperty().bind(Bindings.createStringBinding(() -> refusal(vm.kindProperty().get(),
                capabilities.getValue()), vm.kindProperty(), capabilities));
        refused.visibleProperty().bind(refused.textProperty().isNotEmpty());
        refused.managedProperty().bind(refused.visibleProperty());
        VBox body = new VBox(8, head, schemaBox, leftOut, refused);
        getChildren().add(CapabilityMarks.markedWithNote(body, capabilities, Parameters.RESPONSE_FORMAT));
    }

    /** Why the chosen kind of output is left out of the request; empty when the model takes it. */
    private static String refusal(OutputFormatViewModel.Kind kind, ModelCapabilities capabilities) {
        String parameter = parameter(kind);
        if (parameter == null || !capabilities.status(parameter).refused()) return "";
        return kind + " is left out of the request: " + capabilities.status(parameter).reason();
    }

    private static String parameter(OutputFormatViewModel.Kind kind) {
        return switch (kind) {
            case JSON_OBJECT -> Parameters.JSON_OBJECT;
            case JSON_SCHEMA -> Parameters.JSON_SCHEMA;
            default -> null;
        };
    }

    /** A kind in the list, greyed with the reason when the chosen model refuses it. */
    private static final class KindCell extends ListCell<OutputFormatViewModel.Kind> {
        private final ObservableValue<ModelCapabilities> capabilities;

        KindCell(ObservableValue<ModelCapabilities> capabilities) {
            this.capabilities = capabilities;
            capabilities.addListener((o, was, now) -> show(getItem(), isEmpty()));
        }

        @Override
        protected void updateItem(OutputFormatViewModel.Kind item, boolean empty) {
            super.updateItem(item, empty);
            show(item, empty);
        }

        private void show(OutputFormatViewModel.Kind item, boolean empty) {
            String parameter = empty || item == null ? null : parameter(item);
            Support support = parameter == null ? Support.ACCEPTED : capabilities.getValue().status(parameter);
            setText(empty || item == null ? null : item.toString());
            setDisable(support.refused());
            setTooltip(support.refused() ? new Tooltip(support.reason()) : null);
        }
    }
}
