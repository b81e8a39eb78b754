package parley.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import parley.api.ChatBackend;
import parley.api.ChatCall;
import parley.api.ChatMessage;
import parley.api.ChatRequest;
import parley.api.ToolCall;

/**
 * The chat: one conversation in memory, the settings of the next request, and at most one reply
 * on its way. Every request is built as one {@link ChatRequest} by {@link #nextRequest(String)}:
 * the same object the window shows, the service sends and the code panel turns into code.
 * Events reach the listeners on a background thread, in order; a window marshals them itself.
 */
public final class ChatService {
    private static final System.Logger LOG = System.getLogger(ChatService.class.getName());

    private final BackendFactory backends;
    private final RequestCheck check;
    private final List<Consumer<ChatEvent>> listeners = new CopyOnWriteArrayList<>();
    private final List<ExchangeListener> exchangeListeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private volatile ChatSettings settings = ChatSettings.defaults();
    private volatile Conversation conversation = new Conversation();
    private volatile RequestFilter filter = RequestFilter.NONE;
    private Reply current;

    /** Checks every request against the seed's bounds before it is sent. */
    public ChatService(BackendFactory backends) {
        this(backends, RequestCheck.SEED_BOUNDS);
    }

    /** {@code check} refuses a request before anything is sent (bounds of the parameters). */
    public ChatService(BackendFactory backends, RequestCheck check) {
        this.backends = backends;
        this.check = check;
    }

    public ChatSettings settings() {
        return settings;
    }

    public void setSettings(ChatSettings newSettings) {
        settings = newSettings;
    }

    /** Every request from now on passes {@code newFilter} (e.g. what the model refuses is left out). */
    public void setRequestFilter(RequestFilter newFilter) {
        filter = newFilter == null ? RequestFilter.NONE : newFilter;
    }

    public Conversation conversation() {
        return conversation;
    }

    /** Starts an empty conversation; refused while a reply is arriving. */
    public void newConversation() {
        synchronized (lock) {
            ensureIdle();
            conversation = new Conversation();
        }
    }

    /** Makes {@code opened} (e.g. from the history) the current conversation; refused while a reply is arriving. */
    public void open(Conversation opened) {
        synchronized (lock) {
            ensureIdle();
            conversation = opened;
        }
    }

    /** The request that sending {@code pendingUserText} now would send (no user message when blank). */
    public ChatRequest nextRequest(String pendingUserText) {
        List<ChatMessage> history = new ArrayList<>(conversation.history(settings.extended()));
        if (pendingUserText != null && !pendingUserText.isBlank()) {
            history.add(ChatMessage.user(pendingUserText));
        }
        return request(history);
    }

    private ChatRequest request(List<ChatMessage> history) {
        ChatSettings current = settings;
        return filter.apply(current, current.toRequest(history));
    }

    /** Listens to every chat event; close the subscription to stop. */
    public Subscription addListener(Consumer<ChatEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Told about every finished request (for the usage ledger). */
    public Subscription addExchangeListener(ExchangeListener listener) {
        exchangeListeners.add(listener);
        return () -> exchangeListeners.remove(listener);
    }

    public boolean busy() {
        synchronized (lock) {
            return current != null;
        }
    }

    /**
     * Adds the user's message and asks for a reply. Throws {@link IllegalArgumentException} (empty
     * message, a parameter out of bounds, settings that cannot be served) or
     * {@link IllegalStateException} (a reply is still arriving) before anything is changed or sent.
     */
    public Reply send(String userText) {
        if (userText == null || userText.isBlank()) {
            throw new IllegalArgumentException("The message is empty: type something to send.");
        }
        synchronized (lock) {
            ensureIdle();
            ChatRequest request = nextRequest(userText);
            ChatBackend backend = prepare(request);
            conversation.append(ChatMessage.USER, userText, MessageStatus.COMPLETE);
            return start(backend, request);
        }
    }

    /** Replaces the last answer with a new one for the same conversation. */
    public Reply regenerate() {
        synchronized (lock) {
            ensureIdle();
            Message last = conversation.last()
                    .orElseThrow(() -> new IllegalStateException("Nothing to regenerate: the conversation is empty."));
            List<Message> messages = conversation.messages();
            int askingIndex = last.isAssistant() ? messages.size() - 2 : messages.size() - 1;
            if (askingIndex < 0 || !(messages.get(askingIndex).isUser() || messages.get(askingIndex).isToolResult())) {
                throw new IllegalStateException(
                        "Nothing to regenerate: no user message or tool result comes before the last answer.");
            }
            ChatRequest request = request(historyUpTo(messages, askingIndex));
            ChatBackend backend = prepare(request);
            conversation.truncateAfter(messages.get(askingIndex).id());
            return start(backend, request);
        }
    }

    /** Replaces the text of a user message, drops everything after it and asks for a new reply. */
    public Reply editAndResend(String messageId, String newText) {
        if (newText == null || newText.isBlank()) {
            throw new IllegalArgumentException("The message is empty: type something to send.");
        }
        synchronized (lock) {
            ensureIdle();
            List<Message> messages = conversation.messages();
            int index = conversation.indexOf(messageId);
            if (index < 0 || !messages.get(index).isUser()) {
                throw new IllegalArgumentException("Only a message you wrote can be edited and sent again.");
            }
            List<ChatMessage> history = historyUpTo(messages, index - 1);
            history.add(ChatMessage.user(newText));
            ChatRequest request = request(history);
            ChatBackend backend = prepare(request);
            conversation.truncateAfter(messageId);
            conversation.replace(messages.get(index).withContent(newText));
            return start(backend, request);
        }
    }

    /**
     * Answers the tool calls of the last reply and asks for the next reply: {@code results} holds one
     * {@link ToolResult} per call (its arguments as edited, or null for those the model sent). The reply
     * keeps the calls as edited, one {@code tool} message per call follows it in the calls' order, and the
     * request carries both. Throws {@link IllegalArgumentException} (a call without a result, a result for
     * no call, edited arguments that are not a JSON object, a parameter out of bounds) or
     * {@link IllegalStateException} (no call is waiting, a reply is still arriving) before anything changes.
     */
    public Reply sendToolResults(List<ToolResult> results) {
        synchronized (lock) {
            ensureIdle();
            Answered answered = answer(results);
            ChatBackend backend = prepare(answered.request());
            conversation.replace(answered.asking());
            answered.results().forEach(conversation::append);
            return start(backend, answered.request());
        }
    }

    /**
     * The request that {@link #sendToolResults} would send with these results now, for showing it;
     * refuses what {@code sendToolResults} refuses, with the same messages.
     */
    public ChatRequest toolResultsRequest(List<ToolResult> results) {
        synchronized (lock) {
            return answer(results).request();
        }
    }

    /** The last reply with its calls as edited, one tool message per call, and the request carrying them. */
    private record Answered(Message asking, List<Message> results, ChatRequest request) {}

    private Answered answer(List<ToolResult> results) {
        List<ToolCall> calls = conversation.pendingToolCalls();
        if (calls.isEmpty()) {
            throw new IllegalStateException("No tool call is waiting for a result: the last reply asked for no tool.");
        }
        ToolResults checked = ToolResults.check(calls, results);
        Message asking = conversation.last().orElseThrow().withToolCalls(checked.editedCalls());
        List<Message> answers = asking.toolCalls().stream().map(call ->
                Message.toolResult(UUID.randomUUID().toString(), call, checked.contentFor(call))).toList();
        List<Message> after = new ArrayList<>(conversation.messages());
        after.set(after.size() - 1, asking);
        after.addAll(answers);
        return new Answered(asking, answers, request(WireMessages.of(after, settings.extended())));
    }

    /**
     * Makes choice {@code position} (0-based, as {@link Message#choices()} lists them) of the last reply
     * the one that continues the conversation, and returns the reply as it now reads. Refused while a
     * reply is arriving, for a reply with one choice, and for a reply that messages follow.
     */
    public Message pickChoice(String messageId, int position) {
        Message picked;
        synchronized (lock) {
            ensureIdle();
            List<Message> messages = conversation.messages();
            int index = conversation.indexOf(messageId);
            if (index < 0) {
                throw new IllegalArgumentException("That reply is no longer in the conversation.");
            }
            Message reply = messages.get(index);
            int count = reply.choices().size();
            if (count < 2) {
                throw new IllegalArgumentException("That reply has one choice only: set n above 1 to get several.");
            }
            if (position < 0 || position >= count) {
                throw new IllegalArgumentException("That reply has " + count + " choices: pick one of 1 to " + count + ".");
            }
            if (index != messages.size() - 1) {
                throw new IllegalStateException("Only the last reply's choice can be changed: the messages after it "
                        + "followed choice " + (reply.chosen() + 1) + ".");
            }
            picked = reply.withChosen(position);
            conversation.replace(picked);
        }
        emit(new ChatEvent.ChoicePicked(messageId, position, picked));
        return picked;
    }

    /** Removes a message; refused for the reply that is still arriving. */
    public boolean delete(String messageId) {
        synchronized (lock) {
            if (current != null && current.messageId().equals(messageId)) {
                throw new IllegalStateException("That reply is still arriving: stop it before deleting it.");
            }
            return conversation.remove(messageId);
        }
    }

    /** Stops the reply that is arriving, if any; what arrived stays, marked stopped. */
    public void stop() {
        Reply running;
        synchronized (lock) {
            running = current;
        }
        if (running != null) {
            running.stop();
        }
    }

    /**
     * The backend that serves {@code settings}, which need not be the chat's (an experiment's cell on
     * another provider); throws {@link IllegalArgumentException} as {@link BackendFactory} does.
     */
    public ChatBackend backendFor(ChatSettings settings) {
        return backends.backendFor(settings);
    }

    private ChatBackend prepare(ChatRequest request) {
        check.check(request);
        return backends.backendFor(settings);
    }

    private Reply start(ChatBackend backend, ChatRequest request) {
        Conversation target = conversation;
        Message placeholder = target.append(ChatMessage.ASSISTANT, "", MessageStatus.STREAMING);
        Reply reply = new Reply(placeholder.id());
        Exchange exchange = new Exchange(target, settings, request, reply, this::emit, this::ended);
        current = reply;
        // the request leaves first; the listeners hear of it (and save the conversation) while it travels
        ChatEvent.Started started = new ChatEvent.Started(target.id(), reply.messageId(), request);
        try {
            ChatCall call = exchange.begin(backend, started);
            reply.attach(call);
            Thread.ofVirtual().name("parley-reply").start(() -> exchange.awaitEnd(call));
        } catch (RuntimeException e) {
            Thread.ofVirtual().name("parley-reply").start(() -> exchange.failedToStart(e));
        }
        return reply;
    }

    private void ended(ChatEvent.Ended event) {
        synchronized (lock) {
            if (current != null && current.messageId().equals(event.messageId())) {
                current = null;
            }
        }
        emit(event);
        for (ExchangeListener listener : exchangeListeners) {
            try {
                listener.finished(event.record());
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "a request observer failed", e);
            }
        }
    }

    private void emit(ChatEvent event) {
        for (Consumer<ChatEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "a chat listener failed", e);
            }
        }
    }

    private void ensureIdle() {
        if (current != null) {
            throw new IllegalStateException("A reply is still arriving: stop it or wait for it to end.");
        }
    }

    private List<ChatMessage> historyUpTo(List<Message> messages, int lastIndex) {
        return new ArrayList<>(WireMessages.of(messages.subList(0, lastIndex + 1), settings.extended()));
    }
}
