package parley.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.store.Settings;
import parley.usage.LocalMarkStore;
import parley.usage.PriceBook;
import parley.usage.PriceSource;
import parley.usage.PriceStore;

/** Prices the team sets win over a member's own while the member is connected, and only then. */
class TeamPriceTest {
    @TempDir Path home;

    @Test
    void theTeamsPriceWinsWhileConnectedAndNotAfterLeaving() {
        ScratchPostgres.Db db = ScratchPostgres.shared().newDatabase();
        Clock clock = Clock.systemDefaultZone();
        try (TeamTestSupport ada = TeamTestSupport.member(home.resolve("ada"));
             TeamTestSupport bo = TeamTestSupport.member(home.resolve("bo"))) {
            ada.team().connect(db.url(), "ada", db.user(), db.password(), null);
            bo.team().connect(db.url(), "bo", db.user(), db.password(), null);
            new TeamPrices(ada.team().workspace().orElseThrow(), clock)
                    .set(PriceStore.ANY_PROVIDER, "m1", new BigDecimal("1.5"), new BigDecimal("2.5"), null, "ada");
            TeamPriceCache cache = new TeamPriceCache(bo.team(), clock);
            PriceBook book = new PriceBook(new PriceStore(bo.database()), new LocalMarkStore(new Settings(bo.database())),
                    clock, cache);
            book.setUserPrice(null, "m1", new BigDecimal("5"), new BigDecimal("6"), null);

            assertThat(book.priceFor("atlascloud", null, "m1").orElseThrow().source()).isEqualTo(PriceSource.USER);
            assertThat(cache.refresh()).isTrue();
            var team = book.priceFor("atlascloud", null, "m1").orElseThrow();
            assertThat(team.source()).isEqualTo(PriceSource.TEAM);
            assertThat(team.input()).isEqualByComparingTo("1.5");
            assertThat(book.list().getFirst().note()).isEqualTo("set by ada");

            bo.team().disconnect();
            cache.refresh();
            assertThat(book.priceFor("atlascloud", null, "m1").orElseThrow().source()).isEqualTo(PriceSource.USER);
        }
    }
}
