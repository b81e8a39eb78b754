package parley.ui.request;

import atlantafx.base.theme.Styles;
import java.util.List;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The next request as JSON (read-only) above the raw answer to the last one; {@code saveWhole}
 * asks where to save the whole answer (the view shows it cut when it is long).
 */
public final class RequestView extends SplitPane {
    public RequestView(RequestViewModel vm, Runnable saveWhole) {
        setId("request-view");
        setOrientation(Orientation.VERTICAL);

        TextArea json = code("request-json");
        json.textProperty().bind(vm.jsonProperty());
        Label problems = new Label();
        problems.setId("request-problems");
        problems.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
        problems.setWrapText(true);
        problems.textProperty().bind(vm.problemsProperty());
        problems.managedProperty().bind(vm.stateProperty().isEqualTo(RequestViewModel.State.INVALID));
        problems.visibleProperty().bind(problems.managedProperty());
        VBox next = section("Next request", "The JSON body the next send will post", vm.jsonProperty()::get,
                List.of(), problems, json);

        TextArea raw = code("raw-response");
        raw.setText(vm.rawText());
        vm.rawChangeProperty().addListener((o, old, change) -> {
            if (change.replace()) raw.setText(change.text());
            else raw.appendText(change.text());
        });
        Label summary = new Label();
        summary.setId("raw-summary");
        summary.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        summary.setWrapText(true);
        summary.textProperty().bind(vm.rawSummaryProperty());
        Label notice = new Label();
        notice.setId("raw-save-notice");
        notice.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        notice.setWrapText(true);
        notice.textProperty().bind(vm.saveNoticeProperty());
        notice.managedProperty().bind(vm.saveNoticeProperty().isNotEmpty());
        notice.visibleProperty().bind(notice.managedProperty());
        Button save = new Button(null, new FontIcon(Feather.DOWNLOAD));
        save.setId("raw-save");
        save.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        save.setTooltip(new Tooltip("Save the whole answer as a file"));
        save.setOnAction(e -> saveWhole.run());
        VBox last = section("Last response", "The status, headers and SSE lines or body as they arrived; a long"
                + " answer shows its first and last 256 KB", vm::rawText, List.of(save), summary, notice, raw);

        getItems().addAll(next, last);
        setDividerPositions(0.55);
    }

    private static VBox section(String title, String tip, Supplier<String> copied, List<Node> actions, Node... body) {
        Label label = new Label(title);
        label.getStyleClass().add(Styles.TITLE_4);
        Tooltip.install(label, new Tooltip(tip));
        Button copy = new Button(null, new FontIcon(Feather.COPY));
        copy.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        copy.setTooltip(new Tooltip("Copy"));
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(copied.get());
            Clipboard.getSystemClipboard().setContent(content);
        });
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox head = new HBox(6, label, grow);
        head.getChildren().addAll(actions);
        head.getChildren().add(copy);
        head.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, head);
        box.getChildren().addAll(body);
        VBox.setVgrow(body[body.length - 1], Priority.ALWAYS);
        box.setPadding(new Insets(10));
        return box;
    }

    private static TextArea code(String id) {
        TextArea area = new TextArea();
        area.setId(id);
        area.setEditable(false);
        area.setWrapText(false);
        area.getStyleClass().add("code-text");
        return area;
    }
}
