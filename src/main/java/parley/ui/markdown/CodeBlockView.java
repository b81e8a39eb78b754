package parley.ui.markdown;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/** A code block: the language, a copy button and the code in a monospace font. */
public final class CodeBlockView extends VBox {
    private final String code;

    public CodeBlockView(String language, String code) {
        this.code = code;
        getStyleClass().add("md-code-block");
        Label lang = new Label(language == null || language.isBlank() ? "code" : language.strip());
        lang.getStyleClass().add("md-code-lang");
        Button copy = new Button("Copy");
        copy.getStyleClass().addAll("md-code-copy", "small", "flat");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(code);
            Clipboard.getSystemClipboard().setContent(content);
            copy.setText("Copied");
        });
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(lang, gap, copy);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("md-code-header");
        Text text = new Text(code.endsWith("\n") ? code.substring(0, code.length() - 1) : code);
        text.getStyleClass().add("md-code-text");
        TextFlow body = new TextFlow(text);
        body.getStyleClass().add("md-code-body");
        getChildren().addAll(header, body);
    }

    /** The code exactly as the copy button puts it on the clipboard. */
    public String code() {
        return code;
    }
}
