package parley.ui.schema;

import atlantafx.base.theme.Styles;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;

/** A code editor for one JSON Schema, with the problem under it and its line marked. */
public final class SchemaEditor extends VBox {
    private static final String ERROR_LINE = "schema-error-line";
    private final SchemaInput input;
    private final CodeArea area = new CodeArea();
    private final Label problem = new Label();
    private boolean pushing;

    /** {@code id}: as {@link #name}; {@code prompt}: the hint shown while the text is empty. */
    public SchemaEditor(SchemaInput input, String id, String prompt) {
        this.input = input;
        getStyleClass().add("schema-editor");
        getStylesheets().add(SchemaEditor.class.getResource("schema.css").toExternalForm());
        setSpacing(4);

        area.getStyleClass().add("schema-area");
        area.setParagraphGraphicFactory(LineNumberFactory.get(area));
        area.setWrapText(false);
        area.replaceText(input.textProperty().get());
        area.textProperty().addListener((o, old, now) -> {
            if (!pushing) input.setText(now);
            markLine(input.problemLineProperty().get());
        });
        input.textProperty().addListener((o, old, now) -> showText(now));
        input.problemLineProperty().addListener((o, old, now) -> markLine(now.intValue()));
        VirtualizedScrollPane<CodeArea> scroll = new VirtualizedScrollPane<>(area);
        scroll.setPrefHeight(150);
        scroll.setMinHeight(90);

        Label hint = new Label(prompt);
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        hint.setWrapText(true);
        hint.visibleProperty().bind(input.textProperty().isEmpty());
        hint.managedProperty().bind(hint.visibleProperty());

        problem.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
        problem.setWrapText(true);
        problem.textProperty().bind(input.problemProperty());
        problem.visibleProperty().bind(input.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        getChildren().addAll(scroll, hint, problem);
        markLine(input.problemLineProperty().get());
        name(id);
    }

    /** Gives the editor its id; the area is "{@code id}-area", the problem "{@code id}-problem". */
    public void name(String id) {
        setId(id);
        area.setId(id + "-area");
        problem.setId(id + "-problem");
    }

    private void showText(String text) {
        if (text.equals(area.getText())) return;
        pushing = true;
        try {
            area.replaceText(text);
        } finally {
            pushing = false;
        }
        markLine(input.problemLineProperty().get());
    }

    private void markLine(int line) {
        for (int i = 0; i < area.getParagraphs().size(); i++) {
            area.setParagraphStyle(i, i == line - 1 ? List.of(ERROR_LINE) : List.of());
        }
    }
}
