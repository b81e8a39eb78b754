package parley.ui.experiment.results;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import parley.experiment.CellResult;
import parley.experiment.CellStatus;
import parley.experiment.GroupStats;
import parley.experiment.Verdict;

/**
 * One cell whole: its place, every figure, the spread over its repeats, each check's verdict, the
 * error with a Retry, the reasoning and the reply (selectable), and its commands.
 */
final class CellDetail extends VBox {
    CellDetail(CellState state, ResultsModel model, CellCommands commands, Runnable back) {
        setId("cell-detail");
        getStyleClass().add("cell-detail");
        Button close = new Button("← Back");
        close.setId("detail-back");
        close.setOnAction(e -> back.run());
        Label title = new Label(DiffPane.name(state));
        title.getStyleClass().add("cell-title");
        HBox head = new HBox(8, close, title);
        head.setAlignment(Pos.CENTER_LEFT);
        CellResult result = state.snapshot();
        Label figures = new Label(String.join("\n", lines(state, result, model.group(state))));
        figures.getStyleClass().add("cell-figures");
        figures.setWrapText(true);
        VBox body = new VBox(8, figures);
        if (result != null && result.status() == CellStatus.FAILED) {
            Label error = new Label(result.error() == null ? "failed" : result.error().message());
            error.getStyleClass().add("cell-error");
            error.setWrapText(true);
            Button retry = new Button("Retry");
            retry.setId("detail-retry");
            retry.setOnAction(e -> commands.retry(state));
            body.getChildren().add(new HBox(8, error, retry));
        }
        if (!state.reasoning().get().isEmpty()) body.getChildren().add(text("detail-reasoning", state.reasoning().get(), 6));
        TextArea reply = text("detail-reply", state.replyNow(), 16);
        VBox.setVgrow(reply, Priority.ALWAYS);
        body.getChildren().add(reply);
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        Button chat = new Button("Continue as chat");
        chat.setId("detail-continue");
        chat.setOnAction(e -> commands.continueChat(state));
        Button code = new Button("Show code");
        code.setId("detail-code");
        code.setOnAction(e -> commands.showCode(state));
        getChildren().addAll(head, scroll, new HBox(8, chat, code));
    }

    private static TextArea text(String id, String value, int rows) {
        TextArea area = new TextArea(value);
        area.setId(id);
        area.setEditable(false);
        area.setWrapText(true);
        area.setPrefRowCount(rows);
        return area;
    }

    static List<String> lines(CellState state, CellResult r, GroupStats group) {
        List<String> lines = new ArrayList<>();
        if (r == null) {
            lines.add(state.statusProperty().get().name().toLowerCase(java.util.Locale.ROOT));
            return lines;
        }
        lines.add("status " + r.status().name().toLowerCase(java.util.Locale.ROOT)
                + (r.finishReason() == null ? "" : " · finish " + r.finishReason()) + (r.truncated() ? " · cut" : ""));
        lines.add(Figures.line(r));
        lines.add("tokens: prompt " + r.usage().promptTokens() + " · completion " + r.usage().completionTokens()
                + " · reasoning " + r.usage().reasoningTokens() + " · cached " + r.usage().cachedTokens());
        if (group.cells() > 1) {
            lines.add(group.cells() + " repeats ended, " + group.answered() + " whole, " + group.distinctReplies()
                    + " distinct replies");
            addSpread(lines, group.ttftMillis(), "ttft ms");
            addSpread(lines, group.durationMillis(), "duration ms");
            addSpread(lines, group.tokensPerSecond(), "tok/s");
            addSpread(lines, group.completionTokens(), "completion tokens");
            if (group.costUsd().median() != null) {
                lines.add(String.format(java.util.Locale.ROOT, "cost median $%.4f ($%.4f–$%.4f)", group.costUsd().median(),
                        group.costUsd().min(), group.costUsd().max()));
            }
        }
        for (Verdict v : r.verdicts()) {
            lines.add((v.passed() ? "✓ " : "✗ ") + v.detail() + (v.score() == null ? "" : " (score " + v.score() + ")"));
        }
        return lines;
    }

    private static void addSpread(List<String> lines, GroupStats.Figure spread, String unit) {
        String text = Figures.spread(spread, unit);
        if (!text.isEmpty()) lines.add(text);
    }
}
