package parley.history;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import parley.chat.ChatEvent;
import parley.chat.ChatService;
import parley.chat.ChatSettings;
import parley.chat.Conversation;
import parley.chat.Message;
import parley.chat.MessageStatus;
import parley.chat.Subscription;
import parley.store.KeyMask;
import parley.store.StoreException;

/**
 * Saves the chat into the history as it happens: when a request starts, the conversation as it
 * stands (the user's new message, edits, deletions); while a reply streams, what has arrived every
 * {@code interval}; when it ends (finished, stopped or failed), the reply with the model, the
 * parameters and the usage it was made with. A failed write is reported to {@code onError} and
 * never stops the chat. What an event brings is taken when it arrives; the writes run on
 * {@code writer}, in the order the events came (the window's writer is a thread of its own, since
 * a send's events arrive on the JavaFX thread).
 */
public final class HistoryRecorder implements AutoCloseable {
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(2);

    private final ChatService chat;
    private final ConversationStore store;
    private final Clock clock;
    private final long intervalMillis;
    private final java.util.function.Consumer<String> onError;
    private final Executor writer;
    private final Map<String, Streaming> streaming = new ConcurrentHashMap<>();
    private final Subscription subscription;
    private volatile Supplier<Collection<String>> knownKeys = List::of;

    public HistoryRecorder(ChatService chat, ConversationStore store, java.util.function.Consumer<String> onError) {
        this(chat, store, Clock.systemUTC(), DEFAULT_INTERVAL, onError);
    }

    public HistoryRecorder(ChatService chat, ConversationStore store, Clock clock, Duration interval,
                           java.util.function.Consumer<String> onError) {
        this(chat, store, clock, interval, onError, Runnable::run);
    }

    /** As above, the writes run in order on {@code writer} (one task at a time). */
    public HistoryRecorder(ChatService chat, ConversationStore store, Clock clock, Duration interval,
                           java.util.function.Consumer<String> onError, Executor writer) {
        this.writer = writer;
        this.chat = chat;
        this.store = store;
        this.clock = clock;
        this.intervalMillis = interval.toMillis();
        this.onError = onError;
        this.subscription = chat.addListener(this::received);
    }

    /**
     * The keys in use, so none is ever saved: a provider may echo the key in an error message, or a
     * user may paste one into a message. Key-shaped text in error messages is masked in any case.
     */
    public void setKnownKeys(Supplier<Collection<String>> keys) {
        knownKeys = keys == null ? List::of : keys;
    }

    /** Saves the current conversation as it stands (after a deletion, before opening another). */
    public void saveNow() {
        Conversation conversation = chat.conversation();
        List<SavedMessage> messages = saved(conversation.messages(), null);
        ChatSettings settings = chat.settings();
        guard(() -> syncConversation(conversation.id(), settings, messages));
    }

    @Override
    public void close() {
        subscription.close();
    }

    private void received(ChatEvent event) {
        switch (event) {
            case ChatEvent.Started s -> started(s);
            case ChatEvent.Text t -> grow(t.messageId(), t.text(), false);
            case ChatEvent.Reasoning r -> grow(r.messageId(), r.text(), true);
            case ChatEvent.Ended e -> ended(e);
            case ChatEvent.ChoicePicked p -> picked(p);
            default -> { }
        }
    }

    private void started(ChatEvent.Started s) {
        Conversation conversation = chat.conversation();
        Streaming reply = new Streaming(conversation.id(), s.messageId(), s.request().model(),
                RequestParameters.of(s.request()), clock.millis());
        streaming.put(s.messageId(), reply);
        List<SavedMessage> messages = saved(conversation.messages(), reply);
        ChatSettings settings = chat.settings();
        write(() -> syncConversation(conversation.id(), settings, messages));
    }

    /** The messages as saved, the streaming reply's as it stands (not yet without keys: the writer masks them). */
    private List<SavedMessage> saved(List<Message> messages, Streaming reply) {
        return messages.stream().map(m -> reply != null && m.id().equals(reply.messageId)
                ? reply.snapshot(MessageStatus.STREAMING.name(), clock)
                : MessageCodec.toSaved(m, null, null, null, clock.instant())).toList();
    }

    private void syncConversation(String conversationId, ChatSettings settings, List<SavedMessage> messages) {
        if (messages.isEmpty() && store.load(conversationId).isEmpty()) {
            return; // an empty new chat is not worth a line in the history
        }
        if (!store.ensure(conversationId, settings.providerId(), settings.model(), settings.systemPrompt())) {
            store.updateSetup(conversationId, settings.providerId(), settings.model(), settings.systemPrompt());
        }
        store.syncMessages(conversationId, messages.stream().map(this::withoutKeys).toList());
    }

    private void grow(String messageId, String text, boolean reasoning) {
        Streaming reply = streaming.get(messageId);
        if (reply == null) {
            return;
        }
        synchronized (reply) {
            (reasoning ? reply.reasoning : reply.content).append(text);
            long now = clock.millis();
            if (now - reply.savedAt >= intervalMillis) {
                reply.savedAt = now;
                SavedMessage snapshot = reply.snapshot(MessageStatus.STREAMING.name(), clock);
                write(() -> store.saveMessage(reply.conversationId, withoutKeys(snapshot)));
            }
        }
    }

    private void ended(ChatEvent.Ended e) {
        Streaming reply = streaming.remove(e.messageId());
        if (reply == null) {
            return;
        }
        Message last = e.message();
        SavedMessage saved = MessageCodec.toSaved(last, reply.model, reply.parameters,
                e.record() == null || e.record().usage() == null || e.record().usage().equals(parley.api.Usage.NONE)
                        ? null : e.record().usage(), clock.instant());
        write(() -> store.saveMessage(reply.conversationId, withoutKeys(saved)));
    }

    private void picked(ChatEvent.ChoicePicked p) {
        String conversationId = chat.conversation().id();
        SavedMessage saved = MessageCodec.toSaved(p.message(), null, null, null, clock.instant());
        write(() -> store.saveMessage(conversationId, withoutKeys(saved)));
    }

    /** The text with the keys in use masked. */
    public String withoutKeys(String text) {
        return KeyMask.redactKnown(text, knownKeys.get());
    }

    private SavedMessage withoutKeys(SavedMessage m) {
        Collection<String> keys = knownKeys.get();
        return m.withTexts(text -> KeyMask.redactKnown(text, keys)).withError(KeyMask.redact(m.error(), keys));
    }

    private void write(Runnable work) {
        writer.execute(() -> guard(work));
    }

    private void guard(Runnable write) {
        try {
            write.run();
        } catch (StoreException e) {
            onError.accept(e.getMessage());
        }
    }

    /** A reply on its way: what has arrived so far and when it was last saved. */
    private static final class Streaming {
        final String conversationId;
        final String messageId;
        final String model;
        final Map<String, Object> parameters;
        final StringBuilder content = new StringBuilder();
        final StringBuilder reasoning = new StringBuilder();
        long savedAt;

        Streaming(String conversationId, String messageId, String model, Map<String, Object> parameters, long now) {
            this.conversationId = conversationId;
            this.messageId = messageId;
            this.model = model;
            this.parameters = parameters;
            this.savedAt = now;
        }

        SavedMessage snapshot(String status, Clock clock) {
            return new SavedMessage(messageId, "assistant", content.toString(), reasoning.toString(), status, null,
                    model, parameters, null, clock.instant());
        }
    }
}
