package parley.history;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
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
 * never stops the chat.
 *
 * <p>The writes run in order on one thread of their own, never on the thread that sends: the
 * request does not wait for a long conversation to be saved, and a reply's saves while it streams
 * and when it ends come after the save of the conversation it belongs to. {@link #flush()} waits
 * for the writes asked for so far; {@link #close()} finishes them.
 */
public final class HistoryRecorder implements AutoCloseable {
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(2);

    private final ChatService chat;
    private final ConversationStore store;
    private final Clock clock;
    private final long intervalMillis;
    private final java.util.function.Consumer<String> onError;
    private final Map<String, Streaming> streaming = new ConcurrentHashMap<>();
    private volatile Thread writerThread;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(task ->
            writerThread = Thread.ofPlatform().daemon().name("parley-history").unstarted(task));
    private final Subscription subscription;
    private volatile Supplier<Collection<String>> knownKeys = List::of;

    public HistoryRecorder(ChatService chat, ConversationStore store, java.util.function.Consumer<String> onError) {
        this(chat, store, Clock.systemUTC(), DEFAULT_INTERVAL, onError);
    }

    public HistoryRecorder(ChatService chat, ConversationStore store, Clock clock, Duration interval,
                           java.util.function.Consumer<String> onError) {
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

    /**
     * Saves the current conversation as it stands (after a deletion, before opening another) and
     * returns once it and every write asked for before it are stored.
     */
    public void saveNow() {
        Shown shown = shown(null);
        writeAndWait(() -> syncConversation(shown));
    }

    /** Returns once every write asked for so far is stored (or has failed and been reported). */
    public void flush() {
        writeAndWait(() -> { });
    }

    /** Stops listening, then finishes the writes already asked for. */
    @Override
    public void close() {
        subscription.close();
        writer.shutdown();
        try {
            if (!writer.awaitTermination(10, TimeUnit.SECONDS)) {
                onError.accept("The history is still being written: the last changes may be missing.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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

    /** The conversation and settings as they are when the event is told, saved later by the writer. */
    private record Shown(String conversationId, List<Message> messages, ChatSettings settings, Streaming reply) {}

    private Shown shown(Streaming reply) {
        Conversation conversation = chat.conversation();
        return new Shown(conversation.id(), conversation.messages(), chat.settings(), reply);
    }

    private void started(ChatEvent.Started s) {
        Streaming reply = new Streaming(s.conversationId(), s.messageId(), s.request().model(),
                RequestParameters.of(s.request()), clock.millis());
        streaming.put(s.messageId(), reply);
        Shown shown = shown(reply);
        write(() -> syncConversation(shown));
    }

    private void syncConversation(Shown shown) {
        if (shown.messages().isEmpty() && store.load(shown.conversationId()).isEmpty()) {
            return; // an empty new chat is not worth a line in the history
        }
        ChatSettings settings = shown.settings();
        if (!store.ensure(shown.conversationId(), settings.providerId(), settings.model(), settings.systemPrompt())) {
            store.updateSetup(shown.conversationId(), settings.providerId(), settings.model(), settings.systemPrompt());
        }
        Streaming reply = shown.reply();
        List<SavedMessage> messages = shown.messages().stream().map(m -> reply != null
                && m.id().equals(reply.messageId)
                ? reply.snapshot(MessageStatus.STREAMING.name(), clock)
                : MessageCodec.toSaved(m, null, null, null, clock.instant())).map(this::withoutKeys).toList();
        store.syncMessages(shown.conversationId(), messages);
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

    /** Queues a write behind those asked for before it. */
    private void write(Runnable work) {
        try {
            writer.execute(() -> guard(work));
        } catch (RejectedExecutionException closed) {
            onError.accept("The history is closed: a change after closing it was not saved.");
        }
    }

    private void writeAndWait(Runnable work) {
        if (Thread.currentThread() == writerThread) {
            guard(work); // asked by a write itself (e.g. through onError): waiting for the queue would never end
            return;
        }
        Future<?> written;
        try {
            written = writer.submit(() -> guard(work));
        } catch (RejectedExecutionException closed) {
            guard(work); // nothing is queued any more: write here
            return;
        }
        try {
            written.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** The text with the keys in use masked. */
    public String withoutKeys(String text) {
        return KeyMask.redactKnown(text, knownKeys.get());
    }

    private SavedMessage withoutKeys(SavedMessage m) {
        Collection<String> keys = knownKeys.get();
        return m.withTexts(text -> KeyMask.redactKnown(text, keys)).withError(KeyMask.redact(m.error(), keys));
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

        synchronized SavedMessage snapshot(String status, Clock clock) {
            return new SavedMessage(messageId, "assistant", content.toString(), reasoning.toString(), status, null,
                    model, parameters, null, clock.instant());
        }
    }
}
