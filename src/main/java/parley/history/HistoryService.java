package parley.history;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongSupplier;
import parley.api.ChatMessage;
import parley.api.ChatRequest;
import parley.api.ToolCall;
import parley.chat.ChatService;
import parley.chat.ChatSettings;
import parley.chat.Conversation;

/**
 * The history as the window and the CLI use it: list, search, rename, delete and undo, branch,
 * open a stored conversation in the chat, export and import files, open and save session files.
 * The CLI's service has no chat ({@link #withoutChat}): what would open a conversation in it
 * refuses. Methods throw {@link IllegalArgumentException}, {@link IllegalStateException} or
 * {@link FileFormatException} with a one-line message for the user.
 */
public final class HistoryService {
    public static final int SEARCH_LIMIT = 50;

    private final ConversationStore store;
    private final ChatService chat;
    private final HistoryRecorder recorder;
    private final LongSupplier maxFileBytes;

    public HistoryService(ConversationStore store, ChatService chat, HistoryRecorder recorder) {
        this(store, chat, recorder, () -> FileLimit.DEFAULT_BYTES);
    }

    /** {@code maxFileBytes} gives the largest session or import file to read (read when a file is opened). */
    public HistoryService(ConversationStore store, ChatService chat, HistoryRecorder recorder, LongSupplier maxFileBytes) {
        this.store = store;
        this.chat = chat;
        this.recorder = recorder;
        this.maxFileBytes = maxFileBytes;
    }

    /** The history alone, as the command line uses it: no conversation is shown, none is opened. */
    public static HistoryService withoutChat(ConversationStore store, LongSupplier maxFileBytes) {
        return new HistoryService(store, null, null, maxFileBytes);
    }

    public List<ConversationSummary> list() {
        settle();
        return store.list();
    }

    /** The {@code limit} most recently changed conversations (0: all), newest first. */
    public List<ConversationSummary> list(int limit) {
        settle();
        return store.list(limit);
    }

    public List<SearchHit> search(String query) {
        settle();
        return store.search(query, SEARCH_LIMIT);
    }

    /** The stored conversation, with the chat's latest changes when it is the one shown. */
    public Optional<SavedConversation> find(String conversationId) {
        saveShown();
        return store.load(conversationId);
    }

    /** The id of the conversation in the chat now. */
    public String currentId() {
        return chat().conversation().id();
    }

    /** The chat's settings now: after an open, those the opened conversation or session brought. */
    public ChatSettings chatSettings() {
        return chat().settings();
    }

    public void rename(String conversationId, String title) {
        settle();
        store.rename(conversationId, title);
    }

    /** Deletes the conversation (Undo brings it back); the chat starts a new one if it was showing it. */
    public void delete(String conversationId) {
        settle();
        if (chat != null && conversationId.equals(currentId())) {
            chat.newConversation();
        }
        store.delete(conversationId);
    }

    /** Removes the conversation for good, with no Undo; {@link IllegalArgumentException} when there is none. */
    public void deleteForGood(String conversationId) {
        settle();
        if (chat != null && conversationId.equals(currentId())) {
            chat.newConversation();
        }
        if (!store.remove(conversationId)) {
            throw new IllegalArgumentException("No conversation " + conversationId + " in the history.");
        }
    }

    public void undoDelete(String conversationId) {
        settle();
        store.undoDelete(conversationId);
    }

    /** Stores a new conversation up to and including the message, opens it and returns its id. */
    public String branch(String conversationId, String messageId) {
        saveShown();
        String id = store.branch(conversationId, messageId);
        open(id);
        return id;
    }

    /** Puts a stored conversation into the chat, with the model and system prompt it was held with. */
    public void open(String conversationId) {
        settle();
        SavedConversation saved = store.load(conversationId).orElseThrow(() ->
                new IllegalArgumentException("That conversation is no longer in the history."));
        ChatService chat = chat();
        if (chat.busy()) {
            throw new IllegalStateException("A reply is still arriving: stop it or wait for it to end.");
        }
        saveShown();
        chat.open(Conversation.restore(saved.id(), saved.messages().stream().map(MessageCodec::toMessage).toList()));
        ChatSettings settings = chat.settings();
        if (saved.model() != null) {
            settings = settings.withModel(saved.model());
        }
        chat.setSettings(settings.withSystemPrompt(saved.systemPrompt().isEmpty() ? null : saved.systemPrompt()));
    }

    public void exportMarkdown(String conversationId, Path file) throws IOException {
        settle();
        Files.writeString(file, ConversationMarkdown.write(load(conversationId)), StandardCharsets.UTF_8);
    }

    public void exportJson(String conversationId, Path file) throws IOException {
        settle();
        ConversationJson.write(load(conversationId), file);
    }

    /** The conversation's export JSON, as Export as JSON writes it (e.g. to share it with a team). */
    public String exportText(String conversationId) {
        settle();
        return ConversationJson.write(load(conversationId));
    }

    /** Writes every conversation of the history to one file; returns how many. */
    public int exportAll(Path file) throws IOException {
        saveShown();
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            return ConversationJson.writeAll(new ConversationJson.Conversations() {
                @Override
                public List<String> ids() { return store.ids(); }

                @Override
                public SavedConversation load(String id) { return store.load(id).orElse(null); }
            }, out);
        }
    }

    /** What an import did: the conversations it added, and those the history held already. */
    public record ImportReport(List<String> added, List<String> alreadyStored) {
        /** Every conversation of the file, as stored now, in the file's order. */
        public List<String> all() {
            List<String> all = new ArrayList<>(added);
            all.addAll(alreadyStored);
            return all;
        }
    }

    /**
     * Imports an export of one conversation or of many: all of them, or none when the file is
     * damaged. A conversation imported before is not added again.
     */
    public ImportReport importFile(Path file) throws IOException {
        return importAll(ConversationJson.readAll(file, maxFileBytes.getAsLong()));
    }

    /**
     * Imports a conversation export given as text ({@code name} says where it came from in a message)
     * into the history, once, and returns its id there. It is not opened.
     */
    public String importText(String json, String name) {
        ImportReport report = importAll(ConversationJson.readAll(json, name));
        if (report.all().isEmpty()) throw new FileFormatException(name + " holds no conversation.");
        return report.all().getFirst();
    }

    private ImportReport importAll(List<SavedConversation> read) {
        List<SavedConversation> identified = read.stream().map(ImportIdentity::assign).toList();
        List<String> added = store.insertAll(identified);
        List<String> already = identified.stream().map(SavedConversation::id).filter(id -> !added.contains(id))
                .distinct().toList();
        return new ImportReport(added, already);
    }

    /** Imports an exported conversation into the history (once), opens it and returns its id. */
    public String importJson(Path file) throws IOException {
        ImportReport report = importFile(file);
        if (report.all().isEmpty()) {
            throw new FileFormatException(file.getFileName() + " holds no conversation.");
        }
        String id = report.all().getFirst();
        open(id);
        return id;
    }

    /** Saves the chat's settings, system prompt and messages as a session file. */
    public void saveSession(Path file) throws IOException {
        ChatService chat = chat();
        ChatSettings settings = chat.settings();
        ChatRequest request = settings.toRequest(List.of());
        List<ChatMessage> messages = chat.conversation().history(settings.extended()).stream()
                .map(this::withoutKeys).toList();
        SessionFile.of(settings.providerId(), settings.baseUrl(), request, recorder.withoutKeys(settings.systemPrompt()),
                messages).write(file);
    }

    /**
     * Opens a session file: its provider, model, parameters and system prompt become the chat's
     * settings, and its messages a new conversation in the history, shown in the chat.
     */
    public String openSession(Path file) {
        ChatService chat = chat();
        SessionFile session = SessionFile.read(file, maxFileBytes.getAsLong());
        Instant now = Instant.now();
        List<SavedMessage> messages = new ArrayList<>();
        for (ChatMessage m : session.messages()) {
            messages.add(new SavedMessage(UUID.randomUUID().toString(), m.role(), m.content(), m.reasoningContent(),
                    SavedMessage.COMPLETE, null, null, null, null, now, m.name(), m.toolCalls(), m.toolCallId(),
                    List.of(), List.of(), 0));
        }
        String title = file.getFileName().toString().replaceFirst("(?i)\\.parley\\.json$", "");
        String id = store.insertCopy(new SavedConversation(null, title, session.provider(), session.model(),
                session.systemPrompt(), null, now, now, messages));
        open(id);
        chat.setSettings(settingsOf(session, chat.settings()));
        return id;
    }

    static ChatSettings settingsOf(SessionFile session, ChatSettings base) {
        ChatRequest r = session.toRequest();
        boolean includeUsage = r.streamOptions() != null && Boolean.TRUE.equals(r.streamOptions().includeUsage());
        return new ChatSettings(session.provider() == null ? base.providerId() : session.provider(),
                session.baseUrl(), session.model(), session.systemPrompt().isEmpty() ? null : session.systemPrompt(),
                r.maxTokens(), r.temperature(), r.topP(), r.frequencyPenalty(), r.presencePenalty(),
                r.stop(), r.stream(), includeUsage, r.extraFields(), r.extended());
    }

    /** The message with the keys in use masked in its text, reasoning and tool arguments. */
    private ChatMessage withoutKeys(ChatMessage m) {
        List<ToolCall> calls = m.toolCalls() == null ? null : m.toolCalls().stream()
                .map(c -> ToolCall.of(c.id(), c.name(), recorder.withoutKeys(c.arguments()))).toList();
        return new ChatMessage(m.role(), recorder.withoutKeys(m.content()), m.name(), calls, m.toolCallId(),
                recorder.withoutKeys(m.reasoningContent()));
    }

    private SavedConversation load(String conversationId) {
        return find(conversationId).orElseThrow(() ->
                new IllegalArgumentException("That conversation is no longer in the history."));
    }

    /** Waits for the chat's saves on their way, so what is read or changed here is what the chat saved. */
    private void settle() {
        if (recorder != null) {
            recorder.flush();
        }
    }

    private void saveShown() {
        if (recorder != null) {
            recorder.saveNow();
        }
    }

    private ChatService chat() {
        if (chat == null) {
            throw new IllegalStateException("No chat is open here: open the conversation in Parley's window.");
        }
        return chat;
    }
}
