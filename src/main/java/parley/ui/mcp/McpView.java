package parley.ui.mcp;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import parley.mcp.McpTool;

/**
 * The MCP panel: the servers with their states (add, import an {@code mcpServers} block, enable,
 * remove), the chosen server's tools with description and input schema, a form made from a tool's
 * schema with a Test button and its result, and the server's log (its standard error).
 */
final class McpView extends ScrollPane {
    private final McpViewModel model;
    private final VBox form = new VBox(6);
    private final Map<String, Supplier<String>> values = new LinkedHashMap<>();

    McpView(McpViewModel model, Supplier<Optional<Path>> chooseBlockFile) {
        this.model = model;
        VBox content = new VBox(8, serversSection(chooseBlockFile), serverSection(), toolsSection(), logSection());
        content.setPadding(new Insets(8));
        setContent(content);
        setFitToWidth(true);
    }

    private VBox serversSection(Supplier<Optional<Path>> chooseBlockFile) {
        ListView<McpViewModel.ServerRow> list = new ListView<>(model.servers());
        list.setId("mcp-servers");
        list.setPrefHeight(120);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(McpViewModel.ServerRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : row.name() + " — " + row.stateText());
            }
        });
        list.getSelectionModel().selectedItemProperty().subscribe(row -> {
            if (row != null && (model.selectedProperty().get() == null || !model.selectedProperty().get().name().equals(row.name()))) {
                model.select(row);
            }
        });
        TextField name = new TextField();
        name.setId("mcp-name");
        name.setPromptText("name");
        name.setPrefColumnCount(8);
        TextField target = new TextField();
        target.setId("mcp-command");
        target.setPromptText("command (npx -y PACKAGE) or URL");
        HBox.setHgrow(target, Priority.ALWAYS);
        Button add = new Button("Add");
        add.setId("mcp-add");
        add.setOnAction(e -> model.add(name.getText(), target.getText()));
        TextArea block = new TextArea();
        block.setId("mcp-block");
        block.setPromptText("Paste an {\"mcpServers\": {…}} block (Claude Desktop, Cursor, a provider's page)");
        block.setPrefRowCount(3);
        Button importPasted = new Button("Import block");
        importPasted.setId("mcp-import");
        importPasted.setOnAction(e -> model.importBlock(block.getText()));
        Button open = new Button("Open file…");
        open.setId("mcp-open");
        open.setOnAction(e -> chooseBlockFile.get().ifPresent(model::importFile));
        Label message = new Label();
        message.setId("mcp-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        return new VBox(6, new Label("MCP servers"), list, new HBox(6, name, target, add), block,
                new HBox(6, importPasted, open), message);
    }

    private VBox serverSection() {
        Label state = new Label();
        state.setId("mcp-state");
        state.setWrapText(true);
        CheckBox enabled = new CheckBox("Enabled");
        enabled.setId("mcp-enabled");
        Button start = new Button("Start");
        start.setId("mcp-start");
        Button remove = new Button("Remove");
        remove.setId("mcp-remove");
        VBox box = new VBox(6, state, new HBox(6, enabled, start, remove));
        model.selectedProperty().subscribe(row -> {
            box.setVisible(row != null);
            box.setManaged(row != null);
            if (row == null) return;
            state.setText(row.name() + ": " + row.stateText() + "\n" + row.target());
            enabled.setSelected(row.enabled());
        });
        enabled.setOnAction(e -> model.setEnabled(model.selectedProperty().get().name(), enabled.isSelected()));
        start.setOnAction(e -> model.start(model.selectedProperty().get().name()));
        remove.setOnAction(e -> model.remove(model.selectedProperty().get().name()));
        return box;
    }

    private VBox toolsSection() {
        ListView<McpTool> list = new ListView<>(model.tools());
        list.setId("mcp-tools");
        list.setPrefHeight(140);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(McpTool tool, boolean empty) {
                super.updateItem(tool, empty);
                setText(empty || tool == null ? null : tool.name());
                setTooltip(empty || tool == null || tool.description().isEmpty() ? null : new Tooltip(tool.description()));
            }
        });
        Label description = new Label();
        description.setId("mcp-tool-description");
        description.setWrapText(true);
        TextArea schema = new TextArea();
        schema.setId("mcp-tool-schema");
        schema.setEditable(false);
        schema.setPrefRowCount(5);
        Button test = new Button("Test");
        test.setId("mcp-test");
        TextArea result = new TextArea();
        result.setId("mcp-result");
        result.setEditable(false);
        result.setWrapText(true);
        result.setPrefRowCount(4);
        result.textProperty().bind(model.resultProperty());
        VBox details = new VBox(6, description, new Label("Input schema"), schema, new Label("Arguments"), form, test, result);
        details.setVisible(false);
        details.setManaged(false);
        list.getSelectionModel().selectedItemProperty().subscribe(tool -> {
            details.setVisible(tool != null);
            details.setManaged(tool != null);
            if (tool == null) return;
            description.setText(tool.description());
            schema.setText(tool.inputSchema().toPrettyString());
            buildForm(ToolForm.of(tool.inputSchema()));
        });
        test.setOnAction(e -> {
            McpTool tool = list.getSelectionModel().getSelectedItem();
            Map<String, String> typed = new LinkedHashMap<>();
            values.forEach((name, value) -> typed.put(name, value.get()));
            if (tool != null) model.test(tool, typed);
        });
        return new VBox(6, new Label("Tools"), list, details);
    }

    private void buildForm(ToolForm toolForm) {
        values.clear();
        GridPane grid = new GridPane(8, 4);
        int row = 0;
        for (ToolForm.Field field : toolForm.fields()) {
            Label label = new Label(field.label());
            if (!field.description().isEmpty()) label.setTooltip(new Tooltip(field.description()));
            if (field.kind() == ToolForm.Kind.BOOLEAN) {
                CheckBox box = new CheckBox();
                box.setId("mcp-arg-" + field.name());
                values.put(field.name(), () -> Boolean.toString(box.isSelected()));
                grid.addRow(row++, label, box);
            } else {
                TextField input = new TextField();
                input.setId("mcp-arg-" + field.name());
                input.setPromptText(switch (field.kind()) {
                    case NUMBER -> "number";
                    case INTEGER -> "whole number";
                    case JSON -> "JSON";
                    default -> field.description();
                });
                GridPane.setHgrow(input, Priority.ALWAYS);
                values.put(field.name(), input::getText);
                grid.addRow(row++, label, input);
            }
        }
        form.getChildren().setAll(toolForm.fields().isEmpty() ? new Label("(no arguments)") : grid);
    }

    private VBox logSection() {
        TextArea log = new TextArea();
        log.setId("mcp-log");
        log.setEditable(false);
        log.setPrefRowCount(6);
        log.textProperty().bind(model.logProperty());
        return new VBox(6, new Label("Server log (standard error)"), log);
    }
}
