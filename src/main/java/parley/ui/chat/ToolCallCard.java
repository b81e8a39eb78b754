package parley.ui.chat;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import parley.ui.ViewBindings;

/**
 * One tool call in the transcript: the function's name, its arguments (editable; flagged when they
 * are not JSON or do not match the tool's schema, and then shown exactly as they came) and the
 * field for its result, with the tool's canned result when it has one.
 */
final class ToolCallCard extends VBox {
    ToolCallCard(ToolCallViewModel call, ToolCallsViewModel loop) {
        getStyleClass().add("tool-call");
        Label name = new Label(call.name() + "()");
        name.getStyleClass().add("tool-call-name");
        Label id = new Label(call.id() == null ? "" : call.id());
        id.getStyleClass().add("tool-call-id");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label flag = flag(call);
        HBox header = new HBox(8, name, id, gap, flag);
        header.setAlignment(Pos.CENTER_LEFT);

        TextArea arguments = area("tool-call-arguments", call.argumentsProperty().get());
        ViewBindings.follow(call.argumentsProperty(), arguments.textProperty(), call::setArguments);
        arguments.editableProperty().bind(loop.sentProperty().not());
        Label problems = new Label();
        problems.getStyleClass().add("tool-call-problems");
        problems.setWrapText(true);
        problems.textProperty().bind(Bindings.createStringBinding(() -> problemLines(call.verdictProperty().get()),
                call.verdictProperty()));
        problems.visibleProperty().bind(problems.textProperty().isNotEmpty());
        problems.managedProperty().bind(problems.visibleProperty());

        TextArea result = area("tool-call-result", call.resultProperty().get());
        result.setPromptText("The result of " + call.name() + ": type or paste it");
        ViewBindings.follow(call.resultProperty(), result.textProperty(), call::setResult);
        result.editableProperty().bind(loop.sentProperty().not());
        Label resultLabel = new Label("Result");
        resultLabel.getStyleClass().add("tool-call-label");
        HBox resultHeader = new HBox(8, resultLabel);
        resultHeader.setAlignment(Pos.CENTER_LEFT);
        if (call.hasCannedResult()) {
            Button canned = new Button("Use the canned result");
            canned.getStyleClass().addAll("small", "flat", "tool-call-canned");
            canned.setOnAction(e -> call.useCannedResult());
            canned.disableProperty().bind(loop.sentProperty());
            resultHeader.getChildren().add(canned);
        }
        Label argumentsLabel = new Label("Arguments");
        argumentsLabel.getStyleClass().add("tool-call-label");
        getChildren().addAll(header, argumentsLabel, arguments, problems, resultHeader, result);
        if (loop.runnable(call)) getChildren().add(runRow(call, loop));
    }

    /** "Run" for a tool that can be run here: the user has the arguments above in view when agreeing. */
    private static HBox runRow(ToolCallViewModel call, ToolCallsViewModel loop) {
        Label ask = new Label("Run " + call.name() + " with these arguments?");
        ask.getStyleClass().add("tool-call-label");
        CheckBox always = new CheckBox("Always allow this tool");
        always.getStyleClass().add("tool-call-always");
        Button run = new Button("Run");
        run.getStyleClass().addAll("small", "accent", "tool-call-run");
        run.setOnAction(e -> loop.run(call, always.isSelected()));
        run.disableProperty().bind(loop.sentProperty().or(call.resultProperty().isNotEmpty()));
        HBox row = new HBox(8, ask, run, always);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static Label flag(ToolCallViewModel call) {
        Label flag = new Label();
        flag.getStyleClass().add("tool-call-flag");
        flag.textProperty().bind(Bindings.createStringBinding(() -> switch (call.verdictProperty().get().kind()) {
            case VALID -> call.knowsSchema() ? "matches the schema" : "JSON";
            case NOT_JSON -> "not valid JSON";
            case VIOLATES -> "does not match the schema";
        }, call.verdictProperty()));
        call.verdictProperty().subscribe(verdict -> {
            flag.getStyleClass().removeAll("tool-call-flag-ok", "tool-call-flag-bad");
            flag.getStyleClass().add(verdict.valid() ? "tool-call-flag-ok" : "tool-call-flag-bad");
        });
        return flag;
    }

    static String problemLines(JsonVerdict verdict) {
        return verdict.valid() ? "" : String.join("\n", verdict.problems());
    }

    private static TextArea area(String style, String text) {
        TextArea area = new TextArea(text);
        area.getStyleClass().add(style);
        area.setWrapText(true);
        area.setPrefRowCount(Math.min(10, Math.max(2, (int) text.lines().count())));
        return area;
    }
}
