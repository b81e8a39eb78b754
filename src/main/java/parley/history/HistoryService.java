package parley.history;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import parley.api.ChatMessage;
import parley.api.ChatRequest;
import parley.api.ToolCall;
import parley.chat.ChatService;
import parley.chat.ChatSettings;
import parley.chat.Conversation;

/**
 * The history as the window and the CLI use it: list, search, rename, delete and undo, branch,
 * open a stored conversation in the chat, export and import files, open and save session files.
 * Methods throw {@link IllegalArgumentException}, {@link IllegalStateException} or
 * {@link FileFormatException} with a one-line message for the user.
 */
public final class HistoryService {
    public static final int SEARCH_LIMIT = 50;

    private final ConversationStore store;
    private final ChatService chat;
    private final HistoryRecorder recorder;

    public HistoryService(ConversationStore store, ChatService chat, HistoryRecorder recorder) {
        this.store = store;
        this.chat = chat;
        this.recorder = recorder;
    }

    public List<ConversationSummary> list() {
        return store.list();
    }

    public List<SearchHit> search(String query) {
        return store.search(query, SEARCH_LIMIT);
    }

    /** The id of the conversation in the chat now. */
    public String currentId() {
        return chat.conversation().id();
    }

    /** The chat's settings now: after an open, those the opened conversation or session brought. */
    public ChatSettings chatSettings() {
        return chat.settings();
    }

    public void rename(String conversationId, String title) {
        store.rename(conversationId, title);
    }

    /** Deletes the conversation (Undo brings it back); the chat starts a new one if it was showing it. */
    public void delete(String conversationId) {
        if (conversationId.equals(currentId())) {
            chat.newConversation();
        }
        store.delete(conversationId);
    }

    public void undoDelete(String conversationId) {
        store.undoDelete(conversationId);
    }

    /** Stores a new conversation up to and including the message, opens it and returns its id. */
    public String branch(String conversationId, String messageId) {
        recorder.saveNow();
        String id = store.branch(conversationId, messageId);
        open(id);
        return id;
    }

    /** Puts a stored conversation into the chat, with the model and system prompt it was held with. */
    public void open(String conversationId) {
        SavedConversation saved = store.load(conversationId).orElseThrow(() ->
                new IllegalArgumentException("That conversation is no longer in the history."));
        if (chat.busy()) {
            throw new IllegalStateException("A reply is still arriving: stop it or wait for it to end.");
        }
        recorder.saveNow();
        chat.open(Conversation.restore(saved.id(), saved.messages().stream().map(MessageCodec::toMessage).toList()));
        ChatSettings settings = chat.settings();
        if (saved.model() != null) {
            settings = settings.withModel(saved.model());
        }
        chat.setSettings(settings.withSystemPrompt(saved.systemPrompt().isEmpty() ? null : saved.systemPrompt()));
    }

    public void exportMarkdown(String conversationId, Path file) throws IOException {
        Files.writeString(file, ConversationMarkdown.write(load(conversationId)), StandardCharsets.UTF_8);
    }

    public void exportJson(String conversationId, Path file) throws IOException {
        ConversationJson.write(load(conversationId), file);
    }

    /** Imports an exported conversation as a new one in the history, opens it and returns its id. */
    public String importJson(Path file) throws IOException {
        String id = store.insertCopy(ConversationJson.read(file));
        open(id);
        return id;
    }

    /** Saves the chat's settings, system prompt and messages as a session file. */
    public void saveSession(Path file) throws IOException {
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
        SessionFile session = SessionFile.read(file);
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
        recorder.saveNow();
        return store.load(conversationId).orElseThrow(() ->
                new IllegalArgumentException("That conversation is no longer in the history."));
    }
}
