package parley.ui.chat;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import parley.api.Choice;
import parley.ui.markdown.MarkdownRenderer;
import parley.ui.markdown.MarkdownView;

/** The choices of one reply side by side, each with "Continue with this one". */
final class ChoicesView extends HBox {
    ChoicesView(ChoicesViewModel model, MarkdownRenderer renderer) {
        super(10);
        getStyleClass().add("choices");
        for (int i = 0; i < model.choices().size(); i++) getChildren().add(column(model, i, renderer));
    }

    private static VBox column(ChoicesViewModel model, int position, MarkdownRenderer renderer) {
        Choice choice = model.choices().get(position);
        Label title = new Label("Choice " + (choice.index() + 1)
                + (choice.finishReason() == null ? "" : " · " + choice.finishReason()));
        title.getStyleClass().add("choice-title");
        MarkdownView text = new MarkdownView(renderer);
        text.setText(choice.content() == null ? "" : choice.content());
        text.finish();
        text.getStyleClass().add("choice-text");
        VBox.setVgrow(text, Priority.ALWAYS);
        Button keep = new Button("Continue with this one");
        keep.getStyleClass().addAll("small", "choice-continue");
        keep.setOnAction(e -> model.continueWith(position));
        keep.textProperty().bind(Bindings.when(model.chosenProperty().isEqualTo(position))
                .then("Continuing with this one").otherwise("Continue with this one"));
        VBox column = new VBox(6, title, text, keep);
        column.setAlignment(Pos.TOP_LEFT);
        column.getStyleClass().add("choice");
        model.chosenProperty().subscribe(chosen -> {
            column.getStyleClass().remove("choice-chosen");
            if (chosen.intValue() == position) column.getStyleClass().add("choice-chosen");
        });
        column.setMinWidth(0);
        column.setPrefWidth(0);
        HBox.setHgrow(column, Priority.ALWAYS);
        return column;
    }
}
