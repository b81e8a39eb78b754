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
import parley.ui.ViewBindings;
import parley.ui.schema.SchemaEditor;

/** {@code response_format}: a choice of kind and, for a JSON schema, its name, strictness and schema. */
public final class OutputFormatView extends VBox {
    public OutputFormatView(OutputFormatViewModel vm) {
        super(8);
        setId("output-format");
        Label title = new Label("Output format");
        title.getStyleClass().add("param-name");
        Tooltip.install(title, new Tooltip("response_format: plain text, any JSON object (the prompt should ask for"
                + " JSON), or JSON that follows a schema"));
        ComboBox<OutputFormatViewModel.Kind> kind = new ComboBox<>();
        kind.getItems().setAll(OutputFormatViewModel.Kind.values());
        kind.setId("output-kind");
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
        SchemaEditor editor = new SchemaEditor(vm.schema(), "output-schema",
                "The schema the reply must follow, e.g. {\"type\": \"object\", \"properties\": {…}}");
        VBox schemaBox = new VBox(6, nameRow, nameProblem, editor);
        schemaBox.visibleProperty().bind(vm.kindProperty().isEqualTo(OutputFormatViewModel.Kind.JSON_SCHEMA));
        schemaBox.managedProperty().bind(schemaBox.visibleProperty());

        Label leftOut = new Label();
        leftOut.setId("output-left-out");
        leftOut.getStyleClass().addAll(Styles.WARNING, Styles.TEXT_SMALL);
        leftOut.setWrapText(true);
        leftOut.textProperty().bind(vm.leftOutProperty());
        leftOut.visibleProperty().bind(vm.leftOutProperty().isNotEmpty());
        leftOut.managedProperty().bind(leftOut.visibleProperty());
        getChildren().addAll(head, schemaBox, leftOut);
    }
}
