package parley.ui.chat;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The tool calls of one reply, one card each, and "Send results" under them. */
final class ToolCallsView extends VBox {
    ToolCallsView(ToolCallsViewModel model) {
        super(8);
        getStyleClass().add("tool-calls");
        for (ToolCallViewModel call : model.calls()) getChildren().add(new ToolCallCard(call, model));
        Button send = new Button("Send results");
        send.getStyleClass().addAll("small", "accent", "tool-calls-send");
        send.setOnAction(e -> model.sendResults());
        send.disableProperty().bind(model.sentProperty());
        Label sent = new Label("Results sent");
        sent.getStyleClass().add("tool-calls-sent");
        sent.visibleProperty().bind(model.sentProperty());
        sent.managedProperty().bind(sent.visibleProperty());
        Label problem = new Label();
        problem.getStyleClass().add("tool-calls-problem");
        problem.setWrapText(true);
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        HBox actions = new HBox(8, send, sent);
        actions.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(problem, actions);
    }
}
