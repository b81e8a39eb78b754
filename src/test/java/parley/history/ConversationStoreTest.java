package parley.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.api.Usage;
import parley.app.AppDatabase;
import parley.store.Database;

class ConversationStoreTest {
    @TempDir
    Path dir;
    private Database database;
    private ConversationStore store;
    private final MutableClock clock = new MutableClock();

    @BeforeEach
    void open() {
        database = AppDatabase.open(dir.resolve("parley.db"));
        store = new ConversationStore(database, clock);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void keepsMessagesInOrderWithHowEachReplyWasMade() {
        String id = store.create("atlascloud", "m1", "Be brief.");
        store.saveMessage(id, user("u1", "What is FTS5?"));
        SavedMessage reply = new SavedMessage("a1", "assistant", "A full-text index.", "think", "COMPLETE", null,
                "m1", Map.of("temperature", 0.2, "max_tokens", 64), new Usage(5, 7, 12, 3, null), clock.instant());
        store.saveMessage(id, reply);

        SavedConversation loaded = store.load(id).orElseThrow();

        assertThat(loaded.title()).isEqualTo("What is FTS5?");
        assertThat(loaded.systemPrompt()).isEqualTo("Be brief.");
        assertThat(loaded.messages()).extracting(SavedMessage::id).containsExactly("u1", "a1");
        assertThat(loaded.messages().get(1)).isEqualTo(reply);
    }

    @Test
    void aStreamingReplyIsUpdatedInPlace() {
        String id = store.create("p", "m", null);
        store.saveMessage(id, user("u1", "Count"));
        store.saveMessage(id, streaming("a1", "1, 2", "STREAMING"));
        store.saveMessage(id, streaming("a1", "1, 2, 3", "STOPPED"));

        List<SavedMessage> messages = store.load(id).orElseThrow().messages();

        assertThat(messages).hasSize(2);
        assertThat(messages.get(1).content()).isEqualTo("1, 2, 3");
        assertThat(messages.get(1).status()).isEqualTo("STOPPED");
        assertThat(store.search("3", 10)).as("the index holds the latest text").hasSize(1);
    }

    @Test
    void listsNewestFirstAndRenames() {
        String older = store.create("p", "m", null);
        store.saveMessage(older, user("o1", "Older question"));
        clock.advance(1000);
        String newer = store.create("p", "m", null);
        store.saveMessage(newer, user("n1", "Newer question"));

        assertThat(store.list()).extracting(ConversationSummary::title).containsExactly("Newer question", "Older question");

        clock.advance(1000);
        store.saveMessage(older, user("o2", "a follow-up"));
        store.rename(older, "  My own title ");
        store.saveMessage(older, user("o3", "more"));
        assertThat(store.list()).extracting(ConversationSummary::title).containsExactly("My own title", "Newer question");
        assertThat(store.list().getFirst().messageCount()).isEqualTo(3);

        store.rename(older, " ");
        assertThat(store.load(older).orElseThrow().title()).isEqualTo("Older question");
    }

    @Test
    void deleteHidesUntilUndoOrPurge() {
        String id = store.create("p", "m", null);
        store.saveMessage(id, user("u1", "remember the walrus"));

        store.delete(id);
        assertThat(store.list()).isEmpty();
        assertThat(store.load(id)).isEmpty();
        assertThat(store.search("walrus", 10)).isEmpty();

        store.undoDelete(id);
        assertThat(store.list()).hasSize(1);
        assertThat(store.search("walrus", 10)).hasSize(1);

        store.delete(id);
        assertThat(store.purgeDeleted()).isEqualTo(1);
        store.undoDelete(id);
        assertThat(store.list()).isEmpty();
        assertThat(database.<Integer>read(c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT count(*) FROM messages")) {
                rs.next();
                return rs.getInt(1);
            }
        })).isZero();
    }

    @Test
    void searchFindsWordsAcrossConversationsWithoutReadingSyntax() {
        String a = store.create("p", "m", null);
        store.saveMessage(a, user("a1", "How do I configure the café's espresso machine?"));
        String b = store.create("p", "m", null);
        store.saveMessage(b, user("b1", "Tell me about espresso"));
        store.saveMessage(b, streaming("b2", "Espresso is brewed under pressure.", "COMPLETE"));

        assertThat(store.search("espresso", 10)).extracting(SearchHit::messageId)
                .containsExactlyInAnyOrder("a1", "b1", "b2");
        assertThat(store.search("cafe config", 10)).extracting(SearchHit::messageId).containsExactly("a1");
        SearchHit hit = store.search("pressure", 10).getFirst();
        assertThat(hit.conversationId()).isEqualTo(b);
        assertThat(hit.conversationTitle()).isEqualTo("Tell me about espresso");
        assertThat(hit.snippet()).contains(SearchHit.MARK_START + "pressure" + SearchHit.MARK_END);
        assertThat(hit.plainSnippet()).isEqualTo("Espresso is brewed under pressure.");
        for (String odd : List.of("\"", "espresso\" OR", "AND", "(", "*", "NEAR(a b)", "col:x", "-")) {
            assertThat(store.search(odd, 10)).as(odd).isNotNull();
        }
        assertThat(store.search("   ", 10)).isEmpty();
    }

    @Test
    void branchCopiesMessagesUpToTheChosenOne() {
        String id = store.create("p", "m", "sys");
        store.saveMessage(id, user("u1", "first"));
        store.saveMessage(id, streaming("a1", "reply one", "COMPLETE"));
        store.saveMessage(id, user("u2", "second"));
        store.saveMessage(id, streaming("a2", "reply two", "COMPLETE"));

        String branch = store.branch(id, "a1");

        SavedConversation copy = store.load(branch).orElseThrow();
        assertThat(copy.messages()).extracting(SavedMessage::content).containsExactly("first", "reply one");
        assertThat(copy.messages()).extracting(SavedMessage::id).doesNotContain("u1", "a1");
        assertThat(copy.branchedFrom()).isEqualTo(id);
        assertThat(copy.systemPrompt()).isEqualTo("sys");
        assertThat(copy.title()).isEqualTo("first (branch)");
        assertThat(store.load(id).orElseThrow().messages()).hasSize(4);
        assertThatThrownBy(() -> store.branch(id, "nope")).hasMessageContaining("not in the conversation");
    }

    @Test
    void syncDropsMessagesRemovedByAnEdit() {
        String id = store.create("p", "m", null);
        store.syncMessages(id, List.of(user("u1", "one"), streaming("a1", "two", "COMPLETE"), user("u2", "three")));
        store.syncMessages(id, List.of(user("u1", "one, edited")));

        assertThat(store.load(id).orElseThrow().messages()).extracting(SavedMessage::content)
                .containsExactly("one, edited");
        assertThat(store.search("three", 10)).isEmpty();
        assertThat(store.search("edited", 10)).hasSize(1);
    }

    @Test
    void insertCopyKeepsEverythingButTheIds() {
        String id = store.create("p", "m", "sys");
        store.saveMessage(id, user("u1", "hello"));
        SavedConversation original = store.load(id).orElseThrow();

        SavedConversation copy = store.load(store.insertCopy(original)).orElseThrow();

        assertThat(copy.id()).isNotEqualTo(id);
        assertThat(copy.title()).isEqualTo(original.title());
        assertThat(copy.messages().getFirst().withId("u1")).isEqualTo(original.messages().getFirst());
    }

    @Test
    void aDeletedConversationSurvivesUntilThePurgeWhichRemovesItsMessagesAndIndexEntries() {
        String kept = store.create("p", "m", null);
        store.saveMessage(kept, user("k1", "the walrus stays"));
        String gone = store.create("p", "m", null);
        store.saveMessage(gone, user("g1", "the walrus leaves"));
        store.saveMessage(gone, streaming("g2", "a narwhal answers", "COMPLETE"));
        String branch = store.branch(gone, "g1");

        store.delete(gone);
        database.close();
        database = AppDatabase.open(dir.resolve("parley.db"));
        store = new ConversationStore(database, clock);
        assertThat(count("SELECT count(*) FROM messages WHERE conversation_id = '" + gone + "'"))
                .as("deleted, not yet purged, after a reopen").isEqualTo(2);
        assertThat(count("SELECT count(*) FROM messages_fts WHERE messages_fts MATCH 'narwhal'")).isEqualTo(1);
        store.undoDelete(gone);
        assertThat(store.load(gone).orElseThrow().messages()).extracting(SavedMessage::id).containsExactly("g1", "g2");
        assertThat(store.search("narwhal", 10)).hasSize(1);

        store.delete(gone);
        assertThat(store.purgeDeleted()).isEqualTo(1);

        assertThat(store.load(gone)).isEmpty();
        store.undoDelete(gone);
        assertThat(store.list()).extracting(ConversationSummary::id).containsExactlyInAnyOrder(kept, branch);
        assertThat(count("SELECT count(*) FROM conversations WHERE id = '" + gone + "'")).isZero();
        assertThat(count("SELECT count(*) FROM messages WHERE conversation_id = '" + gone + "'")).isZero();
        assertThat(count("SELECT count(*) FROM messages_fts WHERE messages_fts MATCH 'narwhal'"))
                .as("the full-text index forgot the purged messages").isZero();
        assertThat(store.search("narwhal", 10)).isEmpty();
        assertThat(store.search("walrus", 10)).extracting(SearchHit::conversationId)
                .containsExactlyInAnyOrder(kept, branch);
        assertThat(store.load(branch).orElseThrow().messages()).extracting(SavedMessage::content)
                .as("a branch keeps its own copy").containsExactly("the walrus leaves");
        database.write(c -> {
            try (var st = c.createStatement()) {
                return st.executeUpdate("INSERT INTO messages_fts(messages_fts, rank) VALUES ('integrity-check', 1)");
            }
        });
        assertThat(store.purgeDeleted()).as("nothing left to purge").isZero();
    }

    private int count(String sql) {
        return database.<Integer>read(c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    private SavedMessage user(String id, String text) {
        return SavedMessage.typed(id, "user", text, clock.instant());
    }

    @Test
    void aSyncWritesOnlyWhatChangedAndLeavesTheRestAsStored() {
        String id = store.create("p", "m", null);
        List<SavedMessage> first = List.of(user("u1", "One"), streaming("a1", "Reply one", "COMPLETE"),
                user("u2", "Two"), streaming("a2", "Reply two", "COMPLETE"));
        store.syncMessages(id, first);
        Instant saved = store.list().getFirst().updatedAt();

        clock.advance(1000);
        store.syncMessages(id, first);
        assertThat(store.list().getFirst().updatedAt()).as("nothing changed: not touched").isEqualTo(saved);

        clock.advance(1000);
        List<SavedMessage> edited = List.of(user("u1", "One"), streaming("a1", "Reply one", "COMPLETE"),
                user("u2", "Two, edited"), user("u3", "Three"));
        store.syncMessages(id, edited);
        assertThat(store.load(id).orElseThrow().messages()).extracting(SavedMessage::id, SavedMessage::content)
                .containsExactly(tuple("u1", "One"), tuple("a1", "Reply one"), tuple("u2", "Two, edited"),
                        tuple("u3", "Three"));
        assertThat(store.list().getFirst().updatedAt()).isAfter(saved);
        assertThat(store.list().getFirst().messageCount()).isEqualTo(4);

        store.syncMessages(id, List.of(user("u3", "Three"), user("u1", "One")));
        assertThat(store.load(id).orElseThrow().messages()).extracting(SavedMessage::id)
                .as("moved and dropped").containsExactly("u3", "u1");
        assertThat(store.list().getFirst().messageCount()).isEqualTo(2);
    }

    private SavedMessage streaming(String id, String text, String status) {
        return new SavedMessage(id, "assistant", text, "", status, null, "m", Map.of("stream", true), null,
                clock.instant());
    }

    static final class MutableClock extends Clock {
        private long millis = Instant.parse("2026-11-30T01:00:00Z").toEpochMilli();

        void advance(long by) {
            millis += by;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }
    }
}
