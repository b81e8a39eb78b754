package parley.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import parley.api.Choice;
import parley.api.TokenLogprob;
import parley.api.ToolCall;
import parley.api.Usage;
import parley.store.Database;

/**
 * The conversation history in the database. Every call is one transaction, so a kill at any moment
 * leaves each conversation as it was before or after the call. A deleted conversation stays until
 * {@link #purgeDeleted()} (run when the history is opened), so Undo can bring it back.
 */
public final class ConversationStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MESSAGE_COLUMNS = "id, role, content, reasoning, status, error, model, parameters, "
            + "usage, created_at, name, tool_calls, tool_call_id, logprobs, choices, chosen";
    private static final TypeReference<List<ToolCall>> CALLS = new TypeReference<>() {};
    private static final TypeReference<List<TokenLogprob>> TOKENS = new TypeReference<>() {};
    private static final TypeReference<List<Choice>> CHOICES = new TypeReference<>() {};

    private final Database database;
    private final Clock clock;

    public ConversationStore(Database database) {
        this(database, Clock.systemUTC());
    }

    public ConversationStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Starts an empty conversation and returns its id. */
    public String create(String provider, String model, String systemPrompt) {
        String id = UUID.randomUUID().toString();
        ensure(id, provider, model, systemPrompt);
        return id;
    }

    /** Starts an empty conversation under {@code id} unless one is stored under it; returns whether it was new. */
    public boolean ensure(String id, String provider, String model, String systemPrompt) {
        long now = clock.millis();
        return database.write(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT 1 FROM conversations WHERE id = ?")) {
                st.setString(1, id);
                try (ResultSet rs = st.executeQuery()) {
                    if (rs.next()) {
                        return false;
                    }
                }
            }
            insertConversation(c, new SavedConversation(id, Titles.UNTITLED, provider, model, systemPrompt, null,
                    Instant.ofEpochMilli(now), Instant.ofEpochMilli(now), List.of()), false);
            return true;
        });
    }

    /**
     * Stores a whole conversation under a new id (an import, a session file, a branch) and returns
     * the id. Message ids are made new too, so the copy never collides with its origin.
     */
    public String insertCopy(SavedConversation conversation) {
        String id = UUID.randomUUID().toString();
        List<SavedMessage> messages = conversation.messages().stream()
                .map(m -> m.withId(UUID.randomUUID().toString())).toList();
        SavedConversation copy = conversation.withId(id).withMessages(messages);
        database.write(c -> {
            insertConversation(c, copy, !conversation.title().isEmpty());
            try (PreparedStatement upsert = prepareUpsert(c)) {
                for (int i = 0; i < messages.size(); i++) {
                    upsertMessage(upsert, id, messages.get(i), i);
                }
            }
            return null;
        });
        return id;
    }

    /**
     * Stores a message: a new one goes after the others; a known one (same id) is updated in place,
     * e.g. a reply while it streams and when it ends. The first user message names an unnamed conversation.
     */
    public void saveMessage(String conversationId, SavedMessage message) {
        database.write(c -> {
            Integer position = positionOf(c, message.id());
            if (upsertMessage(c, conversationId, message, position != null ? position : nextPosition(c, conversationId))) {
                touch(c, conversationId);
            }
            return null;
        });
    }

    /**
     * Makes the stored messages equal to {@code messages}, in that order: new ones are added, changed
     * ones updated, and those not in the list (dropped by an edit or a regenerate) removed. A null
     * model, parameters or usage keeps what was stored for that message.
     */
    public void syncMessages(String conversationId, List<SavedMessage> messages) {
        database.write(c -> {
            Set<String> keep = new HashSet<>();
            boolean changed = false;
            // A long conversation is saved at every send: only what differs from the stored rows is written.
            Map<String, StoredRow> stored = storedRows(c, conversationId);
            try (PreparedStatement upsert = prepareUpsert(c)) {
                for (int i = 0; i < messages.size(); i++) {
                    SavedMessage message = messages.get(i);
                    keep.add(message.id());
                    StoredRow row = stored.get(message.id());
                    if (row == null || !row.sameAs(message, i)) {
                        changed |= upsertMessage(upsert, conversationId, message, i);
                    }
                }
            }
            for (String id : stored.keySet()) {
                if (!keep.contains(id)) {
                    deleteMessage(c, id);
                    changed = true;
                }
            }
            if (changed) {
                touch(c, conversationId);
            }
            return null;
        });
    }

    /** Updates where the conversation is held and its system prompt. */
    public void updateSetup(String conversationId, String provider, String model, String systemPrompt) {
        database.write(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "UPDATE conversations SET provider = ?, model = ?, system_prompt = ? WHERE id = ?")) {
                st.setString(1, provider);
                st.setString(2, model);
                st.setString(3, systemPrompt == null ? "" : systemPrompt);
                st.setString(4, conversationId);
                return st.executeUpdate();
            }
        });
    }

    public Optional<SavedConversation> load(String conversationId) {
        return database.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT id, title, provider, model, system_prompt, "
                    + "branched_from, created_at, updated_at FROM conversations WHERE id = ? AND deleted_at IS NULL")) {
                st.setString(1, conversationId);
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<SavedConversation>empty();
                    }
                    return Optional.of(new SavedConversation(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), Instant.ofEpochMilli(rs.getLong(7)),
                            Instant.ofEpochMilli(rs.getLong(8)), messages(c, conversationId)));
                }
            }
        });
    }

    /** Every conversation that is not deleted, the most recently changed first. */
    public List<ConversationSummary> list() {
        return list(0);
    }

    /** The {@code limit} most recently changed conversations that are not deleted (0: all), newest first. */
    public List<ConversationSummary> list(int limit) {
        return database.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT c.id, c.title, c.provider, c.model, c.created_at, "
                    + "c.updated_at, c.message_count FROM conversations c "
                    + "WHERE c.deleted_at IS NULL ORDER BY c.updated_at DESC, c.rowid DESC LIMIT ?")) {
                st.setInt(1, limit > 0 ? limit : -1);
                List<ConversationSummary> out = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ConversationSummary(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getString(4), Instant.ofEpochMilli(rs.getLong(5)), Instant.ofEpochMilli(rs.getLong(6)),
                                rs.getInt(7)));
                    }
                }
                return out;
            }
        });
    }

    /** Gives the conversation a title of the user's; a blank one goes back to the first message's. */
    public void rename(String conversationId, String title) {
        boolean blank = title == null || title.isBlank();
        database.write(c -> {
            String newTitle = blank ? Titles.fromFirstMessage(firstUserText(c, conversationId)) : title.strip();
            try (PreparedStatement st = c.prepareStatement("UPDATE conversations SET title = ?, renamed = ? WHERE id = ?")) {
                st.setString(1, newTitle);
                st.setInt(2, blank ? 0 : 1);
                st.setString(3, conversationId);
                return st.executeUpdate();
            }
        });
    }

    /** Hides the conversation; {@link #undoDelete} brings it back until the next {@link #purgeDeleted}. */
    public void delete(String conversationId) {
        setDeleted(conversationId, clock.millis());
    }

    public void undoDelete(String conversationId) {
        setDeleted(conversationId, null);
    }

    /** Removes the conversation and its messages for good (no Undo); returns whether one was stored under that id. */
    public boolean remove(String conversationId) {
        return database.write(c -> {
            try (PreparedStatement st = c.prepareStatement("DELETE FROM conversations WHERE id = ?")) {
                st.setString(1, conversationId);
                return st.executeUpdate() > 0;
            }
        });
    }

    /**
     * Stores each conversation under its own id, with its messages' ids, in one transaction: all of
     * them or, on a failure, none. A conversation already stored under its id is left as it is (one
     * deleted but not yet purged comes back). Returns the ids that were new.
     */
    public List<String> insertAll(List<SavedConversation> conversations) {
        return database.write(c -> {
            List<String> added = new ArrayList<>();
            for (SavedConversation conversation : conversations) {
                if (restored(c, conversation.id())) {
                    continue;
                }
                insertConversation(c, conversation, !conversation.title().isEmpty());
                for (int i = 0; i < conversation.messages().size(); i++) {
                    upsertMessage(c, conversation.id(), conversation.messages().get(i), i);
                }
                added.add(conversation.id());
            }
            return added;
        });
    }

    /** True when a conversation is stored under the id; brings it back if it was deleted. */
    private static boolean restored(Connection c, String conversationId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("UPDATE conversations SET deleted_at = NULL WHERE id = ?")) {
            st.setString(1, conversationId);
            return st.executeUpdate() > 0;
        }
    }

    /** The ids of every conversation that is not deleted, the most recently changed first. */
    public List<String> ids() {
        return list().stream().map(ConversationSummary::id).toList();
    }

    /** Removes for good every conversation deleted before now; returns how many. */
    public int purgeDeleted() {
        return database.write(c -> {
            try (PreparedStatement st = c.prepareStatement("DELETE FROM conversations WHERE deleted_at IS NOT NULL")) {
                return st.executeUpdate();
            }
        });
    }

    /**
     * A new conversation holding the messages of {@code conversationId} up to and including
     * {@code messageId}; returns its id.
     */
    public String branch(String conversationId, String messageId) {
        SavedConversation origin = load(conversationId).orElseThrow(() ->
                new IllegalArgumentException("That conversation is no longer in the history."));
        List<SavedMessage> upTo = new ArrayList<>();
        for (SavedMessage m : origin.messages()) {
            upTo.add(m);
            if (m.id().equals(messageId)) {
                Instant now = clock.instant();
                return insertCopy(new SavedConversation(null, origin.title() + " (branch)", origin.provider(),
                        origin.model(), origin.systemPrompt(), conversationId, now, now, upTo));
            }
        }
        throw new IllegalArgumentException("That message is not in the conversation: it may have been deleted.");
    }

    /** When more messages than this match, the best of the newest this many are shown (see {@link #search}). */
    static final int RANKED_MATCHES = 2_000;

    /**
     * Messages of conversations not deleted whose text or reasoning holds every word of
     * {@code query} (a word of two or more characters also matches as the start of a longer one),
     * best matches first (FTS5's bm25), each with a snippet that marks the words found. When more
     * than {@link #RANKED_MATCHES} messages match (a word being typed, a common word), the best of
     * the newest {@link #RANKED_MATCHES} are shown, so the answer takes the same time however large
     * the history grows.
     */
    public List<SearchHit> search(String query, int limit) {
        String match = ftsQuery(query);
        if (match.isEmpty()) {
            return List.of();
        }
        return database.read(c -> {
            Long newest = null;
            try (PreparedStatement st = c.prepareStatement("SELECT rowid FROM messages_fts WHERE messages_fts MATCH ? "
                    + "ORDER BY rowid DESC LIMIT 1 OFFSET ?")) {
                st.setString(1, match);
                st.setInt(2, RANKED_MATCHES - 1);
                try (ResultSet rs = st.executeQuery()) {
                    if (rs.next()) {
                        newest = rs.getLong(1);
                    }
                }
            }
            try (PreparedStatement st = c.prepareStatement("SELECT m.conversation_id, c.title, m.id, m.role, "
                    + "snippet(messages_fts, -1, ?, ?, '…', 12) FROM messages_fts "
                    + "JOIN messages m ON m.num = messages_fts.rowid "
                    + "JOIN conversations c ON c.id = m.conversation_id "
                    + "WHERE messages_fts MATCH ? AND messages_fts.rowid >= ? AND c.deleted_at IS NULL "
                    + "ORDER BY rank LIMIT ?")) {
                st.setString(1, SearchHit.MARK_START);
                st.setString(2, SearchHit.MARK_END);
                st.setString(3, match);
                st.setLong(4, newest == null ? Long.MIN_VALUE : newest);
                st.setInt(5, limit);
                List<SearchHit> hits = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        hits.add(new SearchHit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), hits.size() + 1));
                    }
                }
                return hits;
            }
        });
    }

    /**
     * Each word of the user's text as a quoted term, so no input is read as FTS syntax; a word of two
     * or more characters as a prefix (a one-letter prefix would match most of the history).
     */
    public static String ftsQuery(String query) {
        if (query == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (String word : query.strip().split("\\s+")) {
            String cleaned = word.replace("\"", "");
            if (!cleaned.isEmpty()) {
                out.append(out.isEmpty() ? "" : " ").append('"').append(cleaned).append(cleaned.length() > 1 ? "\"*" : "\"");
            }
        }
        return out.toString();
    }

    private void setDeleted(String conversationId, Long at) {
        database.write(c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE conversations SET deleted_at = ? WHERE id = ?")) {
                if (at == null) {
                    st.setNull(1, Types.INTEGER);
                } else {
                    st.setLong(1, at);
                }
                st.setString(2, conversationId);
                return st.executeUpdate();
            }
        });
    }

    private Void insertConversation(Connection c, SavedConversation conv, boolean renamed) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO conversations(id, title, renamed, provider, model, "
                + "system_prompt, branched_from, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            st.setString(1, conv.id());
            st.setString(2, conv.title().isEmpty() ? Titles.UNTITLED : conv.title());
            st.setInt(3, renamed ? 1 : 0);
            st.setString(4, conv.provider());
            st.setString(5, conv.model());
            st.setString(6, conv.systemPrompt());
            st.setString(7, conv.branchedFrom());
            st.setLong(8, millis(conv.createdAt()));
            st.setLong(9, millis(conv.updatedAt()));
            st.executeUpdate();
        }
        return null;
    }

    /** Inserts or updates the message; returns false when it was stored exactly so already. */
    private boolean upsertMessage(Connection c, String conversationId, SavedMessage m, int position) throws SQLException {
        try (PreparedStatement st = prepareUpsert(c)) {
            return upsertMessage(st, conversationId, m, position);
        }
    }

    /** The statement of {@link #upsertMessage(PreparedStatement, String, SavedMessage, int)}, to use for many messages. */
    private static PreparedStatement prepareUpsert(Connection c) throws SQLException {
        return c.prepareStatement("INSERT INTO messages(id, conversation_id, position, role, "
                + "content, reasoning, status, error, model, parameters, usage, created_at, updated_at, "
                + "name, tool_calls, tool_call_id, logprobs, choices, chosen) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
                + "position = excluded.position, content = excluded.content, reasoning = excluded.reasoning, "
                + "status = excluded.status, error = excluded.error, model = coalesce(excluded.model, model), "
                + "parameters = coalesce(excluded.parameters, parameters), usage = coalesce(excluded.usage, usage), "
                + "name = excluded.name, tool_calls = excluded.tool_calls, tool_call_id = excluded.tool_call_id, "
                + "logprobs = excluded.logprobs, choices = excluded.choices, chosen = excluded.chosen, "
                + "updated_at = excluded.updated_at "
                + "WHERE position IS NOT excluded.position OR content IS NOT excluded.content "
                + "OR reasoning IS NOT excluded.reasoning OR status IS NOT excluded.status "
                + "OR error IS NOT excluded.error OR coalesce(excluded.model, model) IS NOT model "
                + "OR coalesce(excluded.parameters, parameters) IS NOT parameters "
                + "OR coalesce(excluded.usage, usage) IS NOT usage "
                + "OR name IS NOT excluded.name OR tool_calls IS NOT excluded.tool_calls "
                + "OR tool_call_id IS NOT excluded.tool_call_id OR logprobs IS NOT excluded.logprobs "
                + "OR choices IS NOT excluded.choices OR chosen IS NOT excluded.chosen");
    }

    private boolean upsertMessage(PreparedStatement st, String conversationId, SavedMessage m, int position)
            throws SQLException {
        st.setString(1, m.id());
        st.setString(2, conversationId);
        st.setInt(3, position);
        st.setString(4, m.role());
        st.setString(5, m.content());
        st.setString(6, m.reasoning());
        st.setString(7, m.status());
        st.setString(8, m.error());
        st.setString(9, m.model());
        st.setString(10, RequestParameters.toJson(m.parameters()));
        st.setString(11, usageJson(m.usage()));
        st.setLong(12, m.createdAt() == null ? clock.millis() : m.createdAt().toEpochMilli());
        st.setLong(13, clock.millis());
        st.setString(14, m.name());
        st.setString(15, json(m.toolCalls()));
        st.setString(16, m.toolCallId());
        st.setString(17, json(m.logprobs()));
        st.setString(18, json(m.choices()));
        st.setInt(19, m.chosen());
        return st.executeUpdate() > 0;
    }

    /** Marks the conversation changed now and names it after its first user message unless the user named it. */
    private void touch(Connection c, String conversationId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("UPDATE conversations SET updated_at = ?, "
                + "title = CASE WHEN renamed = 0 THEN ? ELSE title END WHERE id = ?")) {
            st.setLong(1, clock.millis());
            st.setString(2, Titles.fromFirstMessage(firstUserText(c, conversationId)));
            st.setString(3, conversationId);
            if (st.executeUpdate() == 0) {
                throw new SQLException("no conversation " + conversationId + " is stored");
            }
        }
    }

    private static String firstUserText(Connection c, String conversationId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT content FROM messages WHERE conversation_id = ? "
                + "AND role = 'user' ORDER BY position LIMIT 1")) {
            st.setString(1, conversationId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static Integer positionOf(Connection c, String messageId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT position FROM messages WHERE id = ?")) {
            st.setString(1, messageId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getInt(1) : null;
            }
        }
    }

    private static int nextPosition(Connection c, String conversationId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "SELECT coalesce(max(position) + 1, 0) FROM messages WHERE conversation_id = ?")) {
            st.setString(1, conversationId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    /**
     * A message as stored, in the columns an upsert compares; {@link #sameAs} answers whether the
     * upsert of {@code m} at {@code position} would change nothing (the rule of its WHERE clause).
     */
    private record StoredRow(int position, String content, String reasoning, String status, String error, String model,
                             String parameters, String usage, String name, String toolCalls, String toolCallId,
                             String logprobs, String choices, int chosen) {
        boolean sameAs(SavedMessage m, int at) {
            String params = RequestParameters.toJson(m.parameters());
            String usageText = usageJson(m.usage());
            return position == at && Objects.equals(content, m.content()) && Objects.equals(reasoning, m.reasoning())
                    && Objects.equals(status, m.status()) && Objects.equals(error, m.error())
                    && (m.model() == null || m.model().equals(model))
                    && (params == null || params.equals(parameters))
                    && (usageText == null || usageText.equals(usage))
                    && Objects.equals(name, m.name()) && Objects.equals(toolCalls, json(m.toolCalls()))
                    && Objects.equals(toolCallId, m.toolCallId()) && Objects.equals(logprobs, json(m.logprobs()))
                    && Objects.equals(choices, json(m.choices())) && chosen == m.chosen();
        }
    }

    private static Map<String, StoredRow> storedRows(Connection c, String conversationId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT id, position, content, reasoning, status, error, model, "
                + "parameters, usage, name, tool_calls, tool_call_id, logprobs, choices, chosen FROM messages "
                + "WHERE conversation_id = ?")) {
            st.setString(1, conversationId);
            Map<String, StoredRow> rows = new HashMap<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getString(1), new StoredRow(rs.getInt(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                            rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14),
                            rs.getInt(15)));
                }
            }
            return rows;
        }
    }

    private static void deleteMessage(Connection c, String messageId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("DELETE FROM messages WHERE id = ?")) {
            st.setString(1, messageId);
            st.executeUpdate();
        }
    }

    private static List<SavedMessage> messages(Connection c, String conversationId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT " + MESSAGE_COLUMNS
                + " FROM messages WHERE conversation_id = ? ORDER BY position, num")) {
            st.setString(1, conversationId);
            List<SavedMessage> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new SavedMessage(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7),
                            RequestParameters.fromJson(rs.getString(8)), usage(rs.getString(9)),
                            Instant.ofEpochMilli(rs.getLong(10)), rs.getString(11), list(rs.getString(12), CALLS),
                            rs.getString(13), list(rs.getString(14), TOKENS), list(rs.getString(15), CHOICES),
                            rs.getInt(16)));
                }
            }
            return out;
        }
    }

    private static String usageJson(Usage usage) {
        try {
            return usage == null ? null : JSON.writeValueAsString(usage);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("usage cannot be written as JSON", e);
        }
    }

    /** A list as JSON; null for an empty one, so a message without it stores nothing. */
    private static String json(List<?> values) {
        try {
            return values.isEmpty() ? null : FileJson.COMPACT.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a message's tool calls, log-probabilities or choices cannot be written"
                    + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static <T> List<T> list(String json, TypeReference<List<T>> type) {
        try {
            return json == null ? List.of() : FileJson.COMPACT.readValue(json, type);
        } catch (JsonProcessingException e) {
            return List.of(); // a damaged entry reads as none, as a damaged usage does; the message itself is kept
        }
    }

    private static Usage usage(String json) {
        try {
            return json == null ? null : JSON.readValue(json, Usage.class);
        } catch (JsonProcessingException e) {
            return null; // a damaged usage entry reads as unknown; the message itself is kept
        }
    }

    private long millis(Instant at) {
        return at == null ? clock.millis() : at.toEpochMilli();
    }
}
