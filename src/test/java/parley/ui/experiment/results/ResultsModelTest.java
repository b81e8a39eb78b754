package parley.ui.experiment.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static parley.ui.experiment.results.ResultsFixture.done;
import static parley.ui.experiment.results.ResultsFixture.failed;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import javafx.beans.InvalidationListener;
import org.junit.jupiter.api.Test;
import parley.experiment.CellResult;
import parley.experiment.CellStatus;
import parley.experiment.ExperimentEvent;
import parley.experiment.SavedExperiment;
import parley.ui.chat.FrameClock;

/** The results' state without a toolkit: frames driven by hand. */
class ResultsModelTest {
    /** A clock whose frames the test runs. */
    static final class ManualClock implements FrameClock {
        BooleanSupplier task;
        int starts;

        @Override
        public void start(BooleanSupplier perFrame) {
            task = perFrame;
            starts++;
        }

        @Override
        public void stop() {}

        boolean frame() {
            boolean again = task != null && task.getAsBoolean();
            if (!again) task = null;
            return again;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final ResultsModel model = new ResultsModel(clock);

    @Test
    void beginShowsEveryCellWaitingWithTheExperimentsAxes() {
        model.begin(ResultsFixture.twoByTwo());
        assertThat(model.cells()).hasSize(4).allMatch(s -> s.statusProperty().get() == CellStatus.WAITING);
        assertThat(model.axes()).extracting(ResultAxis::name).containsExactly("model", "temperature");
        assertThat(model.axes().get(1).values(model.cells().stream().map(CellState::cell).toList()))
                .containsExactly("0.2", "1.0");
    }

    @Test
    void deltasArePublishedOncePerFrameAndOnlyBuiltWhenRead() {
        model.begin(ResultsFixture.twoByTwo());
        CellState cell = model.at(1);
        List<String> seen = new ArrayList<>();
        int[] invalidations = new int[1];
        cell.reply().addListener((InvalidationListener) obs -> invalidations[0]++);
        model.accept(new ExperimentEvent.CellStarted(1));
        for (String piece : List.of("The ", "sea ", "is ", "calm")) model.accept(new ExperimentEvent.CellDelta(1, piece, ""));
        assertThat(clock.starts).isEqualTo(1);
        seen.add(cell.reply().get());
        assertThat(seen).containsExactly("");

        assertThat(clock.frame()).isTrue();
        assertThat(invalidations[0]).isEqualTo(1);
        assertThat(cell.reply().get()).isEqualTo("The sea is calm");
        assertThat(cell.statusProperty().get()).isEqualTo(CellStatus.RUNNING);
        // nothing changed since: the next frame stops the clock, and the one after a new delta starts it again
        assertThat(clock.frame()).isFalse();
        model.accept(new ExperimentEvent.CellDelta(1, ".", "why"));
        assertThat(clock.starts).isEqualTo(2);
        clock.frame();
        assertThat(cell.reply().get()).isEqualTo("The sea is calm.");
        assertThat(cell.reasoning().get()).isEqualTo("why");
    }

    @Test
    void thePreviewStopsChangingOnceTheReplyIsLongerThanIt() {
        model.begin(ResultsFixture.twoByTwo());
        CellState cell = model.at(0);
        int[] invalidations = new int[1];
        cell.preview().addListener((InvalidationListener) obs -> invalidations[0]++);
        model.accept(new ExperimentEvent.CellStarted(0));
        model.accept(new ExperimentEvent.CellDelta(0, "x".repeat(CellState.PREVIEW_CHARS + 10), ""));
        assertThat(cell.preview().get()).isEmpty();
        clock.frame();
        assertThat(cell.preview().get()).hasSize(CellState.PREVIEW_CHARS);
        model.accept(new ExperimentEvent.CellDelta(0, "more", ""));
        clock.frame();
        assertThat(invalidations[0]).isEqualTo(1);
        assertThat(cell.replyLength()).isEqualTo(CellState.PREVIEW_CHARS + 14);
    }

    @Test
    void anEndedCellCarriesItsResultAndARetryStartsItAfresh() {
        model.begin(ResultsFixture.twoByTwo());
        model.accept(new ExperimentEvent.CellStarted(2));
        model.accept(new ExperimentEvent.CellEnded(failed(2, "upstream down")));
        clock.frame();
        assertThat(model.at(2).statusProperty().get()).isEqualTo(CellStatus.FAILED);
        assertThat(model.at(2).resultProperty().get().error().message()).isEqualTo("upstream down");

        model.accept(new ExperimentEvent.CellStarted(2));
        assertThat(model.at(2).resultProperty().get()).isNull();
        model.accept(new ExperimentEvent.CellDelta(2, "back", ""));
        model.accept(new ExperimentEvent.CellEnded(done(2, "back", 90, 1, "0.001")));
        clock.frame();
        assertThat(model.at(2).reply().get()).isEqualTo("back");
        assertThat(model.results()).extracting(CellResult::cell).containsExactly(2);
    }

    @Test
    void aRateLimitedCellShowsItsWait() {
        model.begin(ResultsFixture.twoByTwo());
        model.accept(new ExperimentEvent.CellStarted(0));
        model.accept(new ExperimentEvent.CellWaiting(0, 2000));
        assertThat(model.at(0).statusProperty().get()).isEqualTo(CellStatus.WAITING);
        assertThat(model.at(0).waitMillisProperty().get()).isEqualTo(2000);
        model.accept(new ExperimentEvent.Progress(0, 1, 0, 4, 100, null));
        assertThat(model.progressProperty().get().total()).isEqualTo(4);
        model.accept(new ExperimentEvent.Finished(true));
        assertThat(model.finishedProperty().get().stopped()).isTrue();
    }

    @Test
    void loadShowsTheSavedRepliesAndRatings() {
        var experiment = ResultsFixture.twoByTwo();
        model.load(new SavedExperiment(experiment, List.of(done(0, "kept reply", 100, 3, "0.01").withRating(4),
                failed(3, "gone"))));
        assertThat(model.at(0).reply().get()).isEqualTo("kept reply");
        assertThat(model.at(0).ratingProperty().get()).isEqualTo(4);
        assertThat(model.at(1).statusProperty().get()).isEqualTo(CellStatus.WAITING);
        assertThat(model.at(3).statusProperty().get()).isEqualTo(CellStatus.FAILED);
        assertThat(model.finishedProperty().get()).isNotNull();
    }

    @Test
    void ratingsAreHeardAndTalliedPerColumnAndRowWithThePassRates() {
        model.begin(ResultsFixture.twoByTwo());
        ResultsFixture.stream(model, done(0, "a", 100, 2, "0.01", true, true));
        ResultsFixture.stream(model, done(1, "b", 100, 2, "0.01", true, false));
        ResultsFixture.stream(model, done(2, "c", 100, 2, null, false, false));
        List<CellResult> heard = new ArrayList<>();
        model.setOnRated(heard::add);
        model.rate(model.at(0), 5);
        model.rate(model.at(1), 2);
        model.rate(model.at(2), 1);
        assertThat(heard).extracting(CellResult::rating).containsExactly(5, 2, 1);
        assertThatThrownBy(() -> model.rate(model.at(0), 6)).hasMessageContaining("1 to 5");

        var byModel = model.tallies(model.axes().get(0));
        assertThat(byModel.keySet()).containsExactly(ResultsFixture.ATLAS.label(), ResultsFixture.LOCAL.label());
        assertThat(byModel.get(ResultsFixture.ATLAS.label()).ratingSum()).isEqualTo(7);
        assertThat(byModel.get(ResultsFixture.ATLAS.label()).rated()).isEqualTo(2);
        // a cell passes when it passed every check
        assertThat(byModel.get(ResultsFixture.ATLAS.label()).checks().fraction()).isEqualTo(0.5);
        assertThat(byModel.get(ResultsFixture.LOCAL.label()).checks().fraction()).isEqualTo(0.0);
        var byTemperature = model.tallies(model.axes().get(1));
        assertThat(byTemperature.get("0.2").checks()).isEqualTo(new parley.experiment.PassRates.Rate(1, 2));
        assertThat(byTemperature.get("1.0").ratingSum()).isEqualTo(2);
        assertThat(Figures.tally(byTemperature.get("0.2"))).isEqualTo("checks 1/2 · rating Σ 6 (2 rated)");
    }

    @Test
    void groupsOfRepeatsHaveTheirSpreadAndDistinctReplies() {
        model.begin(ResultsFixture.experiment(List.of(ResultsFixture.ATLAS), List.of(0.5), 3));
        ResultsFixture.stream(model, done(0, "same", 100, 10, "0.01"));
        ResultsFixture.stream(model, done(1, "same", 300, 20, "0.02"));
        ResultsFixture.stream(model, done(2, "other", 200, 60, "0.03"));
        var group = model.group(model.at(1));
        assertThat(group.cells()).isEqualTo(3);
        assertThat(group.distinctReplies()).isEqualTo(2);
        assertThat(group.ttftMillis().median()).isEqualTo(200.0);
        assertThat(group.completionTokens().min()).isEqualTo(10.0);
        assertThat(group.completionTokens().max()).isEqualTo(60.0);
    }

    @Test
    void theFeedAppliesWhatQueuedInOneTaskPerBatch() {
        model.begin(ResultsFixture.twoByTwo());
        List<Runnable> tasks = new ArrayList<>();
        ResultsFeed feed = new ResultsFeed(model, tasks::add);
        feed.accept(new ExperimentEvent.CellStarted(0));
        feed.accept(new ExperimentEvent.CellDelta(0, "one ", ""));
        feed.accept(new ExperimentEvent.CellDelta(0, "two", ""));
        assertThat(tasks).hasSize(1);
        assertThat(model.at(0).statusProperty().get()).isEqualTo(CellStatus.WAITING);
        tasks.removeFirst().run();
        clock.frame();
        assertThat(model.at(0).reply().get()).isEqualTo("one two");
        feed.accept(new ExperimentEvent.CellDelta(0, "!", ""));
        assertThat(tasks).as("a new batch once the last was applied").hasSize(1);
    }
}
