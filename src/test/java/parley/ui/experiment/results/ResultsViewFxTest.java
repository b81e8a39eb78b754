package parley.ui.experiment.results;

import static org.assertj.core.api.Assertions.assertThat;
import static parley.ui.experiment.results.ResultsFixture.ATLAS;
import static parley.ui.experiment.results.ResultsFixture.LOCAL;
import static parley.ui.experiment.results.ResultsFixture.done;
import static parley.ui.experiment.results.ResultsFixture.failed;

import atlantafx.base.theme.PrimerLight;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.text.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import parley.experiment.Cell;
import parley.experiment.ExperimentEvent;
import parley.ui.chat.FrameClock;

/** The result views on Monocle, fed with runner events built here. */
class ResultsViewFxTest extends FxRobot {
    private final ResultsModel model = new ResultsModel(FrameClock.immediate());
    private final List<String> calls = new ArrayList<>();
    private ResultsView view;

    @BeforeEach
    void show() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            model.begin(ResultsFixture.twoByTwo());
            view = new ResultsView(model, new ResultsView.Actions() {
                public void continueChat(Cell cell) { calls.add("chat " + cell.index()); }

                public void showCode(Cell cell) { calls.add("code " + cell.index()); }

                public void retry(Cell cell) { calls.add("retry " + cell.index()); }
            }, new Random(7));
            stage.setScene(new Scene(view, 1200, 760));
            // the primary stage is shared by every FX test: one that narrowed it must not narrow the next
            stage.setWidth(1200);
            stage.setHeight(790);
            stage.show();
        });
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    private void feed() {
        interact(() -> {
            ResultsFixture.stream(model, done(0, "The quick brown fox jumps.", 120, 6, "0.0010", true));
            ResultsFixture.stream(model, done(1, "The slow brown fox leaps high.", 480, 7, "0.0020", false));
            ResultsFixture.stream(model, done(2, "A fox, quick and brown.", 60, 6, null, true));
            ResultsFixture.stream(model, failed(3, "502 from the local server"));
        });
    }

    @Test
    void columnsShowEachModelsRepliesSideBySideAndFollowAStreamingCell() {
        interact(() -> {
            model.accept(new ExperimentEvent.CellStarted(2));
            model.accept(new ExperimentEvent.CellDelta(2, "Streaming ", ""));
            model.accept(new ExperimentEvent.CellDelta(2, "in.", ""));
        });
        assertThat(headings(".column-heading")).containsExactly(ATLAS.label(), LOCAL.label());
        assertThat(replyOf(2)).isEqualTo("Streaming in.");
        assertThat(card(2).lookup(".cell-status")).extracting(n -> ((Label) n).getText()).isEqualTo("streaming");
        // cell 2 is the local model's first: second column, first row, beside Atlas's first
        assertThat(card(2).localToScene(0, 0).getX()).isGreaterThan(card(0).localToScene(0, 0).getX());
        assertThat(card(2).localToScene(0, 0).getY()).isEqualTo(card(0).localToScene(0, 0).getY());

        feed();
        assertThat(replyOf(2)).isEqualTo("A fox, quick and brown.");
        assertThat(((Label) card(0).lookup(".cell-figures")).getText()).contains("ttft 120 ms", "$0.0010", "✓");
        assertThat(card(3).lookup(".cell-error")).extracting(n -> ((Label) n).getText()).isEqualTo("502 from the local server");
        assertThat(headings(".column-heading").get(0)).contains("checks 1/2");

        interact(() -> lookup("#columns-axis").queryAs(ComboBox.class).getSelectionModel().select(1));
        assertThat(headings(".column-heading")).containsExactly("0.2\nchecks 2/2", "1.0\nchecks 0/1");
        assertThat(card(2).localToScene(0, 0).getX()).isEqualTo(card(0).localToScene(0, 0).getX());
    }

    @Test
    void continueShowCodeAndRetryReachTheWindowWithTheirCell() {
        feed();
        clickOn(card(1).lookup(".cell-continue"));
        clickOn(card(2).lookup(".cell-code"));
        clickOn(card(3).lookup(".cell-retry"));
        interact(() -> ((Button) card(0).lookup(".cell-retry")).fire());
        assertThat(calls).containsExactly("chat 1", "code 2", "retry 3");
        assertThat(card(0).lookup(".cell-retry").getParent().isVisible()).as("only a failed cell offers Retry").isFalse();
    }

    @Test
    void theGridShowsTwoAxesAndOpensACellWholeOnClick() {
        feed();
        clickOn("#results-mode-grid");
        assertThat(headings(".grid-column-heading")).containsExactly("0.2\nchecks 2/2", "1.0\nchecks 0/1");
        assertThat(headings(".grid-row-heading").get(1)).isEqualTo(LOCAL.label() + "\nchecks 1/1");
        Node slot = lookup(".grid-slot").match(n -> Integer.valueOf(1).equals(n.getUserData())).query();
        assertThat(((Text) slot.lookup(".slot-reply")).getText()).isEqualTo("The slow brown fox leaps high.");
        assertThat(lookup(".grid-slot").queryAll()).hasSize(4);

        clickOn(slot);
        assertThat(lookup("#detail-reply").queryAs(TextArea.class).getText()).isEqualTo("The slow brown fox leaps high.");
        clickOn("#detail-continue");
        assertThat(calls).containsExactly("chat 1");
        clickOn("#detail-back");
        assertThat(lookup("#grid-pane").tryQuery()).isPresent();
    }

    @Test
    void theDiffMarksWhatOnlyOneReplyHas() {
        feed();
        interact(() -> view.diff(model.at(0), model.at(1)));
        assertThat(texts("diff-deleted")).containsExactly("quick", "jumps");
        assertThat(texts("diff-inserted")).containsExactly("slow", "leaps high");
        assertThat(lookup("#diff-summary").queryAs(Label.class).getText()).contains("2 words only in the first, 3 only in the second");
        interact(() -> lookup("#diff-right").queryAs(ComboBox.class).getSelectionModel().select(0));
        assertThat(lookup("#diff-summary").queryAs(Label.class).getText()).isEqualTo("The replies are the same.");
    }

    @Test
    void blindModeHidesTheModelsUntilEveryReplyIsRated() {
        feed();
        clickOn("#results-mode-rating");
        clickOn("#blind-mode");
        assertThat(headings(".column-heading")).containsExactlyInAnyOrder("A", "B");
        assertThat(texts(".cell-title")).noneMatch(t -> t.contains("deepseek") || t.contains("qwen"));
        assertThat(((Label) card(0).lookup(".cell-figures")).getText()).as("figures could tell the model").isEmpty();

        clickOn(card(0).lookup(".rate-4"));
        clickOn(card(1).lookup(".thumb-up"));
        assertThat(headings(".column-heading")).as("one reply still unrated").containsExactlyInAnyOrder("A", "B");
        assertThat(((ToggleButton) card(1).lookup(".thumb-up")).isSelected()).as("the thumb chosen stays chosen").isTrue();
        assertThat(lookup("#blind-reveal").queryButton().isDisabled()).isFalse();

        clickOn(card(2).lookup(".thumb-down"));
        assertThat(headings(".column-heading")).containsExactly(ATLAS.label() + "\nchecks 1/2 · rating Σ 9 (2 rated)",
                LOCAL.label() + "\nchecks 1/1 · rating Σ 1 (1 rated)");
        assertThat(model.at(1).ratingProperty().get()).isEqualTo(5);
        assertThat(((ToggleButton) card(0).lookup(".rate-4")).isSelected()).isTrue();
    }

    @Test
    void revealShowsTheModelsBeforeEveryReplyIsRated() {
        feed();
        clickOn("#results-mode-rating");
        clickOn("#blind-mode");
        assertThat(headings(".column-heading")).doesNotContain(ATLAS.label());
        clickOn("#blind-reveal");
        assertThat(headings(".column-heading")).containsExactly(ATLAS.label() + "\nchecks 1/2", LOCAL.label() + "\nchecks 1/1");
    }

    @Test
    void theTableSortsByAFigureAndFiltersByTextAndStatus() {
        feed();
        clickOn("#results-mode-table");
        TableView<CellState> table = lookup("#results-table").queryTableView();
        TableColumn<CellState, ?> ttft = table.getColumns().stream().filter(c -> "column-ttft".equals(c.getId())).findFirst().orElseThrow();
        clickOn(lookup(".column-header").match(n -> n.getId() != null && n.getId().equals("column-ttft")).queryAs(Node.class));
        assertThat(table.getSortOrder()).containsExactly(ttft);
        assertThat(indices(table)).as("no ttft first").containsExactly(3, 2, 0, 1);
        clickOn(lookup(".column-header").match(n -> "column-ttft".equals(n.getId())).queryAs(Node.class));
        assertThat(indices(table)).containsExactly(1, 0, 2, 3);

        clickOn("#table-filter").write("qwen");
        assertThat(indices(table)).containsExactlyInAnyOrder(2, 3);
        interact(() -> lookup("#table-filter").queryTextInputControl().setText("leaps"));
        assertThat(indices(table)).containsExactly(1);
        interact(() -> {
            lookup("#table-filter").queryTextInputControl().setText("");
            lookup("#table-status").queryAs(ComboBox.class).getSelectionModel().select("failed");
        });
        assertThat(indices(table)).containsExactly(3);
        // a cell retried and now streaming leaves the "failed" filter
        interact(() -> model.accept(new ExperimentEvent.CellStarted(3)));
        assertThat(indices(table)).isEmpty();
    }

    @Test
    void theColumnHeadingsScrollSidewaysWithTheReplies() {
        var four = ResultsFixture.experiment(List.of(ATLAS, LOCAL, new parley.experiment.Target("deepseek", null, "deepseek-chat"),
                new parley.experiment.Target("openai", null, "gpt-4.1-mini")), List.of(0.2), 1);
        interact(() -> {
            model.begin(four);
            view.getScene().getWindow().setWidth(600);
        });
        feed();
        javafx.scene.control.ScrollBar bar = lookup("#columns-list .scroll-bar").queryAllAs(javafx.scene.control.ScrollBar.class)
                .stream().filter(b -> b.getOrientation() == javafx.geometry.Orientation.HORIZONTAL).findFirst().orElseThrow();
        assertThat(bar.getMax()).as("four columns of at least 240 px do not fit in 600").isGreaterThan(0);
        interact(() -> bar.setValue(bar.getMax()));
        WaitForAsyncUtils.waitForFxEvents();
        Label last = lookup(".column-heading").queryAllAs(Label.class).stream().filter(l -> l.getText().startsWith("gpt-4.1-mini"))
                .findFirst().orElseThrow();
        Node lastCard = card(3);
        assertThat(last.localToScene(0, 0).getX()).isCloseTo(lastCard.localToScene(0, 0).getX(), org.assertj.core.data.Offset.offset(8.0));
    }

    @Test
    void aLongReplyIsLaidOutInPiecesCutAtLineBreaksThatReadAsTheWhole() {
        String line = "word ".repeat(60).strip();
        String reply = String.join("\n", java.util.Collections.nCopies(12, line)) + "\n\nend";
        interact(() -> {
            model.accept(new ExperimentEvent.CellStarted(0));
            for (int i = 0; i < reply.length(); i += 7) {
                model.accept(new ExperimentEvent.CellDelta(0, reply.substring(i, Math.min(reply.length(), i + 7)), ""));
            }
        });
        ReplyText text = (ReplyText) card(0).lookup(".cell-reply");
        assertThat(text.getChildren()).hasSizeGreaterThan(2);
        assertThat(text.getChildren()).allMatch(n -> ((Text) n).getText().length() <= ReplyText.CHUNK + line.length());
        assertThat(text.shownText()).isEqualTo(reply);
        assertThat(ReplyText.split("ab\ncd\nef", 3)).containsExactly("ab\ncd", "ef");
        assertThat(ReplyText.split("abcdef", 2)).containsExactly("abcdef");
        // a retried cell starts again from nothing
        interact(() -> model.accept(new ExperimentEvent.CellStarted(0)));
        assertThat(text.shownText()).isEmpty();
    }

    // ---- helpers

    private Node card(int index) {
        WaitForAsyncUtils.waitForFxEvents();
        return lookup(".cell-card").match(n -> shown(n) && Integer.valueOf(index).equals(n.getUserData())).query();
    }

    private String replyOf(int index) {
        return ((ReplyText) card(index).lookup(".cell-reply")).shownText();
    }

    private List<String> headings(String query) {
        WaitForAsyncUtils.waitForFxEvents();
        return lookup(query).queryAllAs(Label.class).stream().filter(ResultsViewFxTest::shown).map(Label::getText).toList();
    }

    private List<String> texts(String styleClass) {
        WaitForAsyncUtils.waitForFxEvents();
        if (styleClass.startsWith(".")) return headings(styleClass);
        return lookup("." + styleClass).queryAllAs(Text.class).stream().map(Text::getText).toList();
    }

    /** Whether the node and every parent up to the scene's root are visible. */
    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) return false;
        }
        return true;
    }

    private static List<Integer> indices(TableView<CellState> table) {
        WaitForAsyncUtils.waitForFxEvents();
        return table.getItems().stream().map(s -> s.cell().index()).toList();
    }
}
