package parley.ui.chat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Function;
import parley.api.ChatRequest;
import parley.api.ChatResult;
import parley.api.Choice;
import parley.api.Tool;
import parley.api.ToolCall;
import parley.api.ApiError;
import parley.api.Usage;
import parley.chat.ChatEvent;
import parley.chat.ChatService;
import parley.chat.Message;
import parley.chat.MessageStatus;
import parley.chat.Subscription;
import parley.ui.UiThread;

/**
 * The transcript and the composer: the cards of the conversation, the draft, what the chat is
 * doing, and the commands (send, stop, retry, regenerate, edit, delete, new chat).
 *
 * <p>Events of the chat service arrive on a background thread and go into a buffer; once per frame
 * the buffer is drained on the UI thread, with consecutive pieces of text joined, so a frame costs
 * one append however many deltas arrived in it.
 */
public final class ChatViewModel implements ChatExtensions, AutoCloseable {
    private final ReadOnlyObjectWrapper<Runnable> experimentAction = new ReadOnlyObjectWrapper<>(this, "experimentAction");
    private final ReadOnlyObjectWrapper<Runnable> promptLibraryAction = new ReadOnlyObjectWrapper<>(this, "promptLibraryAction");
    /** What the chat is doing; FAILED: the last reply ended with an error (Retry is offered). */
    public enum State { IDLE, STREAMING, FAILED }

    private final ChatService service;
    private final UiThread ui;
    private final FrameClock clock;
    private final Subscription subscription;
    private final EventBuffer<Pending> buffer = new EventBuffer<>(ChatViewModel::join);
    private final AtomicBoolean ticking = new AtomicBoolean();

    private final ObservableList<MessageItem> items = FXCollections.observableArrayList();
    private final ObservableList<MessageItem> itemsView = FXCollections.unmodifiableObservableList(items);
    private final Map<String, MessageItem> byId = new HashMap<>();
    private Consumer<String> revealer = id -> {};
    /** The reply whose start is being applied: its item starts empty, to be filled by the events after it. */
    private String starting;
    private final Map<String, String> models = new HashMap<>();
    private final Map<String, String> pendingCosts = new HashMap<>();
    private final ReadOnlyStringWrapper draft = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.IDLE);
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canRegenerate = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper composerNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper contextWarning = new ReadOnlyStringWrapper("");
    private final List<SendGuard> sendGuards = new ArrayList<>();
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper();
    private boolean ready = true;
    private Runnable whenReady;
    private Consumer<String> brancher;
    /** How many rounds of results run tools may send back by themselves before the user is asked. */
    static final int MAX_TOOL_ROUNDS = 10;
    private ToolLoopActions loop;
    private Function<String, String> cannedResults = name -> null;
    private ToolRunner toolRunner = ToolRunner.NONE;
    private ToolCallsViewModel lastToolCalls;
    private Function<ApiError, Optional<String>> refusedParameter = error -> Optional.empty();
    private BiConsumer<String, ApiError> sendWithout;

    /** For the window: one flush per JavaFX pulse. */
    public ChatViewModel(ChatService service, UiThread ui) {
        this(service, ui, FrameClock.fx());
    }

    public ChatViewModel(ChatService service, UiThread ui, FrameClock clock) {
        this.service = service;
        this.ui = ui;
        this.clock = clock;
        this.subscription = service.addListener(this::received);
        this.loop = new ServiceToolLoop(service);
        sync();
    }

    // ---- what the view binds to

    public ObservableList<MessageItem> items() { return itemsView; }

    /** The composer's text. Cleared only once a send has gone out, so nothing typed is lost. */
    public ReadOnlyStringProperty draftProperty() { return draft.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<State> stateProperty() { return state.getReadOnlyProperty(); }

    public State state() { return state.get(); }

    /** A one-line message for the user (why a command was refused); "" when none. */
    public ReadOnlyStringProperty noticeProperty() { return notice.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty canRegenerateProperty() { return canRegenerate.getReadOnlyProperty(); }
    /** True while a send waits for the guards' answers (e.g. the budget read from the ledger), or for the window to be built. */
    public ReadOnlyBooleanProperty checkingProperty() { return checking.getReadOnlyProperty(); }

    /**
     * False while the window is still being built: the composer takes typing, and a send waits until
     * the features that guard, price and keep it are there (then asks every guard). Call on the FX thread.
     */
    public void setReady(boolean ready) {
        this.ready = ready;
        if (!ready || whenReady == null) return;
        Runnable waiting = whenReady;
        whenReady = null;
        checking.set(false);
        waiting.run();
    }

    public ReadOnlyBooleanProperty emptyProperty() { return empty.getReadOnlyProperty(); }

    public Optional<MessageItem> item(String messageId) { return Optional.ofNullable(byId.get(messageId)); }

    /** Scrolls the transcript to a message, building the cards above the newest down to it (a search hit). */
    public void reveal(String messageId) { revealer.accept(messageId); }

    void setRevealer(Consumer<String> action) { revealer = action; }

    /** What the request in the composer may cost (from the usage tracker); shown under the composer. */
    public ReadOnlyStringProperty costEstimateProperty() { return composerNote.getReadOnlyProperty(); }

    /** The composer's warning that the conversation and max_tokens pass the model's context; "" when none. */
    public ReadOnlyStringProperty contextWarningProperty() { return contextWarning.getReadOnlyProperty(); }

    // ---- what other features add (ChatExtensions)

    @Override
    public void showContextWarning(String text) {
        contextWarning.set(text == null ? "" : text);
    }

    @Override
    public void offerCannedResults(Function<String, String> byToolName) {
        cannedResults = byToolName == null ? name -> null : byToolName;
    }

    @Override
    public void offerToolRunner(ToolRunner runner) {
        toolRunner = runner == null ? ToolRunner.NONE : runner;
    }

    /** Where "Send results" and "Continue with this one" go (the chat service unless replaced). */
    public void useToolLoop(ToolLoopActions actions) {
        loop = actions;
    }

    @Override
    public void showCost(String messageId, String text) {
        item(messageId).ifPresentOrElse(i -> i.costProperty().set(text), () -> pendingCosts.put(messageId, text));
    }

    @Override
    public void showComposerNote(String text) {
        composerNote.set(text == null ? "" : text);
    }

    @Override
    public void addSendGuard(SendGuard guard) {
        sendGuards.add(guard);
    }

    @Override
    public void offerExperiment(Runnable action) {
        experimentAction.set(action);
    }

    /** What "Try this prompt across…" does; null while no feature offers it. */
    public ReadOnlyObjectProperty<Runnable> experimentActionProperty() { return experimentAction.getReadOnlyProperty(); }

    @Override
    public void offerPromptLibrary(Runnable action) {
        promptLibraryAction.set(action);
    }

    /** Opens the prompt library; null until a feature offers it. */
    public ReadOnlyObjectProperty<Runnable> promptLibraryActionProperty() { return promptLibraryAction.getReadOnlyProperty(); }

    @Override
    public void offerBranching(Consumer<String> action) {
        brancher = action;
    }

    @Override
    public void offerSendWithout(Function<ApiError, Optional<String>> named, BiConsumer<String, ApiError> action) {
        refusedParameter = named;
        sendWithout = action;
    }

    /** The parameter {@code error} says the server refused, when "Send without it" is offered. */
    public Optional<String> parameterToLeaveOut(ApiError error) {
        return sendWithout == null || error == null ? Optional.empty() : refusedParameter.apply(error);
    }

    /** Sends the last request again without {@code parameter}, which the server refused with {@code error}. */
    public void sendWithout(String parameter, ApiError error) {
        if (sendWithout != null) sendWithout.accept(parameter, error);
    }

    // ---- commands

    /** The user typed in the composer. */
    public void setDraft(String text) {
        draft.set(text == null ? "" : text);
    }

    public void send() {
        String text = draft.get();
        if (text == null || text.isBlank()) {
            notice.set("Type a message first.");
            return;
        }
        whenApproved(() -> {
            if (attempt(() -> service.send(text)) && text.equals(draft.get())) draft.set("");
        });
    }

    public void stop() {
        if (lastToolCalls != null) lastToolCalls.stop();
        service.stop();
    }

    /** Asks again for the last answer (after an error, a stop or a cut). */
    public void retry() {
        regenerate();
    }

    public void regenerate() {
        whenApproved(() -> attempt(service::regenerate));
    }

    /** Replaces a user message's text, drops what came after it and asks for a new answer. */
    public boolean edit(MessageItem item, String newText) {
        return attempt(() -> service.editAndResend(item.id(), newText));
    }

    public void delete(MessageItem item) {
        if (attempt(() -> service.delete(item.id()))) sync();
    }

    public void newChat() {
        if (attempt(service::newConversation)) {
            models.clear();
            sync();
        }
    }

    /** Redraws the transcript from the chat service, e.g. after another conversation was opened into it. */
    public void reload() {
        models.clear();
        byId.clear();
        items.clear();
        state.set(State.IDLE);
        sync();
    }

    public boolean canBranch() {
        return brancher != null;
    }

    /** A new conversation with the messages up to this one. */
    public void branchFrom(MessageItem item) {
        if (brancher != null) brancher.accept(item.id());
    }

    /** The text a Copy puts on the clipboard: the message as it was written (Markdown). */
    public String copyText(MessageItem item) {
        return item.content().text();
    }

    @Override
    public void close() {
        subscription.close();
        clock.stop();
    }

    /**
     * Runs {@code command} on the FX thread once every send guard has approved; while they answer,
     * {@link #checkingProperty} is true and a second send is ignored.
     */
    private void whenApproved(Runnable command) {
        if (checking.get()) return;
        if (!ready) {
            checking.set(true);
            whenReady = () -> whenApproved(command);
            return;
        }
        if (sendGuards.isEmpty()) {
            command.run();
            return;
        }
        checking.set(true);
        List<CompletableFuture<Boolean>> answers = sendGuards.stream().map(ChatViewModel::ask).toList();
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).whenComplete((done, failure) -> ui.run(() -> {
            checking.set(false);
            if (failure != null) notice.set("Not sent: " + rootMessage(failure));
            else if (answers.stream().allMatch(CompletableFuture::join)) command.run();
        }));
    }

    private static CompletableFuture<Boolean> ask(SendGuard guard) {
        try {
            return guard.approve().toCompletableFuture();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) root = root.getCause();
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private boolean attempt(Runnable command) {
        try {
            command.run();
            notice.set("");
            return true;
        } catch (IllegalArgumentException | IllegalStateException e) {
            notice.set(e.getMessage());
            return false;
        }
    }

    // ---- events: background thread -> buffer -> one drain per frame

    private void received(ChatEvent event) {
        buffer.add(Pending.of(event));
        if (ticking.compareAndSet(false, true)) ui.run(() -> clock.start(this::frame));
    }

    /** Applies what arrived since the last frame; false when nothing did (the clock may rest). */
    private boolean frame() {
        List<Pending> events = buffer.drain();
        if (events.isEmpty()) {
            ticking.set(false);
            return !buffer.isEmpty() && ticking.compareAndSet(false, true);
        }
        for (Pending event : events) apply(event);
        return true;
    }

    private void apply(Pending pending) {
        switch (pending) {
            case Pending.Text t -> item(t.messageId()).ifPresent(i -> {
                if (t.reasoning()) i.appendReasoning(t.text().toString());
                else i.appendContent(t.text().toString());
            });
            case Pending.Other(ChatEvent event) -> apply(event);
        }
    }

    private void apply(ChatEvent event) {
        switch (event) {
            case ChatEvent.Started s -> {
                models.put(s.messageId(), s.request().model());
                starting = s.messageId();
                sync();
                starting = null;
                item(s.messageId()).ifPresent(i -> i.setStatus(MessageItem.Status.STREAMING));
                state.set(State.STREAMING);
            }
            case ChatEvent.Failed f -> item(f.messageId()).ifPresent(i -> i.setError(f.error()));
            case ChatEvent.Ended e -> ended(e);
            default -> { }
        }
        updateDerived();
    }

    private void ended(ChatEvent.Ended e) {
        item(e.messageId()).ifPresent(i -> {
            Message message = e.message();
            if (i.content().length() != message.content().length()
                    || i.reasoning().length() != message.reasoning().length()) {
                i.setText(message.content(), message.reasoning());
            }
            i.setStatus(status(message.status()));
            i.setError(e.message().error());
            i.setFooter(footer(e));
            if (e.record() != null) showDetails(i, e.record().request(), e.record().result());
        });
        state.set(e.message().error() != null ? State.FAILED : State.IDLE);
    }

    private ReplyFooter footer(ChatEvent.Ended e) {
        Usage usage = e.record() == null ? null : e.record().usage();
        boolean estimated = e.metrics().tokensEstimated();
        if ((usage == null || usage.completionTokens() == null) && e.metrics().completionTokens() != null) {
            Integer prompt = usage == null ? null : usage.promptTokens();
            usage = new Usage(prompt, e.metrics().completionTokens(), null, null, null);
        }
        String finish = e.record() == null ? null : e.record().finishReason();
        Surprise surprise = e.record() == null ? null : Surprise.of(e.record().result().logprobs());
        return new ReplyFooter(models.get(e.messageId()), usage, e.metrics().ttftMillis(),
                e.metrics().tokensPerSecond(), finish, estimated, surprise);
    }

    /** What a reply carries besides its text: choices, tool calls, log-probabilities, the check of its JSON. */
    private void showDetails(MessageItem item, ChatRequest request, ChatResult result) {
        if (result.choices().size() > 1) {
            item.setChoices(new ChoicesViewModel(result.choices(), choice -> keepChoice(item.id(), choice)));
        } else if (!result.toolCalls().isEmpty()) {
            item.setToolCalls(toolCalls(item.id(), result.toolCalls(), request));
        }
        if (!result.logprobs().isEmpty()) item.setLogprobs(result.logprobs());
        if (request.extended().responseFormat() != null && result.error() == null) {
            item.setOutputCheck(OutputCheck.of(request.extended().responseFormat(), item.content().text()));
        }
    }

    private ToolCallsViewModel toolCalls(String messageId, List<ToolCall> calls, ChatRequest request) {
        List<ToolCallViewModel> models = new ArrayList<>(calls.size());
        for (ToolCall call : calls) {
            models.add(new ToolCallViewModel(call, parameters(request, call.name()), cannedResults.apply(call.name())));
        }
        ToolCallsViewModel loop = new ToolCallsViewModel(models, (edited, results) -> sendToolResults(messageId, edited, results),
                toolRunner, () -> toolRoundsInARow() <= MAX_TOOL_ROUNDS);
        lastToolCalls = loop;
        loop.runAllowed();
        return loop;
    }

    /** The replies that called tools since the user last wrote: each round of results answered one of them. */
    private int toolRoundsInARow() {
        List<Message> messages = service.conversation().messages();
        int rounds = 0;
        for (int i = messages.size() - 1; i >= 0 && !messages.get(i).isUser(); i--) {
            if (messages.get(i).isAssistant() && !messages.get(i).toolCalls().isEmpty()) rounds++;
        }
        return rounds;
    }

    private static JsonNode parameters(ChatRequest request, String name) {
        if (request.extended().tools() == null || name == null) return null;
        for (Tool tool : request.extended().tools()) {
            if (name.equals(tool.name()) && tool.function() != null) return tool.function().parameters();
        }
        return null;
    }

    /** Hands the results over: they go out once the send guards approve (a refusal says why in the notice). */
    private boolean sendToolResults(String messageId, List<ToolCall> calls, List<String> results) {
        if (checking.get()) return false;
        whenApproved(() -> attempt(() -> loop.sendToolResults(messageId, calls, results)));
        return true;
    }

    private boolean keepChoice(String messageId, Choice choice) {
        if (!attempt(() -> loop.continueWithChoice(messageId, choice))) return false;
        sync();
        return true;
    }

    /** Makes the cards match the conversation: new messages get a card, removed ones lose theirs. */
    private void sync() {
        List<Message> messages = service.conversation().messages();
        List<MessageItem> next = new ArrayList<>(messages.size());
        Map<String, MessageItem> kept = new HashMap<>();
        for (Message message : messages) {
            MessageItem item = byId.get(message.id());
            if (item == null && message.id().equals(starting)) {
                // The reply's text is still in the buffer behind its start, even when the whole reply
                // ended before this frame; taking it from the conversation would show it twice.
                item = new MessageItem(message.id(), message.role());
                item.setStatus(MessageItem.Status.STREAMING);
            } else if (item == null) {
                item = new MessageItem(message.id(), message.role());
                item.setText(message.content(), message.reasoning());
                item.setStatus(status(message.status()));
                item.setError(message.error());
            } else if (item.status() != MessageItem.Status.STREAMING
                    && !item.content().text().equals(message.content())) {
                item.setText(message.content(), message.reasoning());
            }
            // a cost can come before the card: a reply that ended before its start reached this
            // thread is on the ledger already
            String cost = pendingCosts.remove(message.id());
            if (cost != null) item.costProperty().set(cost);
            next.add(item);
            kept.put(message.id(), item);
        }
        byId.clear();
        byId.putAll(kept);
        if (!next.equals(items)) items.setAll(next);
        updateDerived();
    }

    private void updateDerived() {
        empty.set(items.isEmpty());
        boolean idle = state.get() != State.STREAMING;
        canRegenerate.set(idle && !items.isEmpty() && items.getLast().isAssistant());
        if (idle && state.get() == State.FAILED && (items.isEmpty() || items.getLast().errorProperty().get() == null)) {
            state.set(State.IDLE);
        }
    }

    private static MessageItem.Status status(MessageStatus status) {
        return switch (status) {
            case COMPLETE -> MessageItem.Status.COMPLETE;
            case STREAMING -> MessageItem.Status.STREAMING;
            case STOPPED -> MessageItem.Status.STOPPED;
            case FAILED -> MessageItem.Status.FAILED;
            case TRUNCATED -> MessageItem.Status.TRUNCATED;
        };
    }

    private static Pending join(Pending last, Pending next) {
        if (last instanceof Pending.Text a && next instanceof Pending.Text b
                && a.reasoning() == b.reasoning() && a.messageId().equals(b.messageId())) {
            a.text().append(b.text());
            return a;
        }
        return null;
    }

    /** An event waiting for the next frame; text pieces are joined in place. */
    private sealed interface Pending {
        record Text(String messageId, StringBuilder text, boolean reasoning) implements Pending {}
        record Other(ChatEvent event) implements Pending {}

        static Pending of(ChatEvent event) {
            return switch (event) {
                case ChatEvent.Text t -> new Text(t.messageId(), new StringBuilder(t.text()), false);
                case ChatEvent.Reasoning r -> new Text(r.messageId(), new StringBuilder(r.text()), true);
                default -> new Other(event);
            };
        }
    }
}
