package parley.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.app.AppDatabase;
import parley.store.Database;

/** The history's search: best matches first, snippets that mark what was found, bounded work on a large history. */
class SearchRankingTest {
    private static final Instant AT = Instant.parse("2026-06-01T10:00:00Z");

    @TempDir Path dir;
    Database database;
    ConversationStore store;

    @BeforeEach
    void open() {
        database = AppDatabase.open(dir.resolve("parley.db"));
        store = new ConversationStore(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aMessageAboutTheWordRanksAboveOneThatMentionsItInPassing() {
        store.insertAll(List.of(conversation("c1", "Long",
                message("passing", "Notes on the garden, the fence, the shed, the path, the roses, the compost, "
                        + "the hedge, the pond, the bench, the gate and once the temperature of the greenhouse.")),
                conversation("c2", "Short", message("about", "Temperature: the temperature sets how random the "
                        + "temperature-scaled sampling is."))));

        assertThat(store.search("temperature", 10)).extracting(SearchHit::messageId).containsExactly("about", "passing");
        assertThat(store.search("temperature", 10)).extracting(SearchHit::rank).containsExactly(1, 2);
    }

    @Test
    void theSnippetMarksTheWordsFoundAlsoWhenTypedInPart() {
        store.insertAll(List.of(conversation("c1", "Tea", message("m1", "Green tea wants water at a lower "
                + "temperature than black tea, about 80 degrees, and a short steep of two minutes.")),
                conversation("c2", "Steep", message("m2", "Green tea: two minutes."))));

        SearchHit hit = store.search("tempe", 5).getFirst();
        assertThat(hit.snippet()).contains(SearchHit.MARK_START + "temperature" + SearchHit.MARK_END);
        assertThat(hit.conversationTitle()).isEqualTo("Tea");
        assertThat(hit.conversationId()).isEqualTo("c1");

        SearchHit both = store.search("gre minu", 5).stream().filter(h -> h.messageId().equals("m2")).findFirst()
                .orElseThrow();
        assertThat(both.snippet()).contains(SearchHit.MARK_START + "Green" + SearchHit.MARK_END)
                .contains(SearchHit.MARK_START + "minutes" + SearchHit.MARK_END);
    }

    @Test
    void aOneLetterWordMatchesOnlyItselfNotEveryWordItStarts() {
        store.insertAll(List.of(conversation("c1", "One", message("word", "Plan b is fine.")),
                conversation("c2", "Two", message("prefix", "Bake bread before breakfast."))));

        assertThat(store.search("b", 10)).extracting(SearchHit::messageId).containsExactly("word");
        assertThat(store.search("br", 10)).extracting(SearchHit::messageId).containsExactly("prefix");
    }

    @Test
    void withMoreMatchesThanAreRankedTheBestOfTheNewestAreShown() {
        int total = ConversationStore.RANKED_MATCHES + 300;
        List<SavedMessage> messages = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            // the oldest messages say "kettle" three times: the best matches, but beyond the newest RANKED_MATCHES
            String text = i < 100 ? "kettle kettle kettle " + i : "a note that mentions the kettle among other things " + i;
            messages.add(message("m" + i, text));
        }
        store.insertAll(List.of(conversation("big", "Kettles", messages.toArray(SavedMessage[]::new))));

        List<SearchHit> hits = store.search("kettle", 50);

        assertThat(hits).hasSize(50);
        assertThat(hits).extracting(h -> Integer.parseInt(h.messageId().substring(1)))
                .allMatch(n -> n >= total - ConversationStore.RANKED_MATCHES, "among the newest");
        store.insertAll(List.of(conversation("new", "New", message("fresh", "kettle kettle kettle kettle"))));
        assertThat(store.search("kettle", 50).getFirst().messageId()).as("a new best match is first").isEqualTo("fresh");
    }

    private static SavedConversation conversation(String id, String title, SavedMessage... messages) {
        return new SavedConversation(id, title, "p", "m", "", null, AT, AT, List.of(messages));
    }

    private static SavedMessage message(String id, String text) {
        return SavedMessage.typed(id, "user", text, AT);
    }
}
