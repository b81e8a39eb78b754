package parley.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The lane's flow control, on a clock the test moves. */
class LaneTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private Lane lane(int limit, int cells) {
        Target target = new Target("p", null, "m");
        List<Cell> list = java.util.stream.IntStream.range(0, cells)
                .mapToObj(i -> new Cell(i, target, Map.of(), InputRow.NONE, 1)).toList();
        return new Lane("p", limit, list, now::get);
    }

    @Test
    void aRateLimitHalvesTheLaneAndEachRunOfAnswersWidensItByOne() throws Exception {
        Lane lane = lane(4, 20);
        for (int i = 0; i < 4; i++) lane.take();
        lane.slowDown(Duration.ZERO);
        assertThat(lane.allowed()).isEqualTo(2);
        lane.ended(true);
        assertThat(lane.allowed()).isEqualTo(2);
        lane.ended(true);
        assertThat(lane.allowed()).as("two answers at a limit of two").isEqualTo(3);
        lane.ended(false);
        lane.ended(true);
        lane.take();
        lane.take();
        lane.take();
        lane.ended(true);
        lane.ended(true);
        lane.ended(true);
        assertThat(lane.allowed()).isEqualTo(4);
        assertThat(lane.maxRunning()).isEqualTo(4);
    }

    @Test
    void nothingStartsWhileTheLaneWaits() throws Exception {
        Lane lane = lane(2, 3);
        lane.take();
        lane.slowDown(Duration.ofSeconds(5));
        assertThat(lane.allowed()).isEqualTo(1);
        lane.ended(false);
        Thread taker = Thread.ofVirtual().start(() -> {
            try {
                lane.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(taker.join(Duration.ofMillis(200))).as("still waiting").isFalse();
        now.addAndGet(TimeUnit.SECONDS.toNanos(5));
        assertThat(taker.join(Duration.ofSeconds(5))).as("started once the wait was over").isTrue();
    }

    @Test
    void aLaneEndsWhenItsCellsHaveAndStopLeavesTheRest() throws Exception {
        Lane lane = lane(1, 3);
        Cell first = lane.take();
        lane.again(first);
        assertThat(lane.take()).isSameAs(first);
        assertThat(lane.stop()).hasSize(2);
        lane.ended(false);
        assertThat(lane.take()).isNull();
    }
}
