package parley.ui.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import parley.api.ApiError;
import parley.api.ChatMessage;
import parley.chat.ChatEvent;
import parley.chat.ChatService;
import parley.ui.UiThread;

class ChatViewModelTest {
    private final ManualBackend backend = new ManualBackend();
    private final BlockingQueue<ChatEvent.Ended> ends = new LinkedBlockingQueue<>();
    private String refusal;
    private ChatService service;
    private ChatViewModel model;
    /** A second view model whose frames come only when the test ticks {@code clock}. */
    private final ManualClock clock = new ManualClock();
    private final ManualBackend manual = new ManualBackend();
    private final ChatService batchedChat = new ChatService(settings -> manual, request -> {});
    private final ChatViewModel batched = new ChatViewModel(batchedChat, UiThread.DIRECT, clock);

    @BeforeEach
    void setUp() {
        service = new ChatService(settings -> backend, request -> {
            if (refusal != null) throw new IllegalArgumentException(refusal);
        });
        model = new ChatViewModel(service, UiThread.DIRECT, FrameClock.immediate());
        service.addListener(e -> { if (e instanceof ChatEvent.Ended end) ends.add(end); });
    }

    @Test
    void sendShowsTheUserMessageAndStreamsTheReplyWithItsFooter() throws Exception {
        send("Hello");
        assertThat(model.state()).isEqualTo(ChatViewModel.State.STREAMING);
        assertThat(model.draftProperty().get()).isEmpty();
        assertThat(model.items()).hasSize(2);
        MessageItem user = model.items().get(0);
        MessageItem reply = model.items().get(1);
        assertThat(user.isUser()).isTrue();
        assertThat(user.content().text()).isEqualTo("Hello");
        assertThat(reply.status()).isEqualTo(MessageItem.Status.STREAMING);

        backend.last().reasoning("Let me ").reasoning("think.");
        assertThat(reply.answeringProperty().get()).isFalse();
        backend.last().text("Hi ").text("there").usage(3, 2).finish("stop");
        awaitEnd();

        assertThat(reply.reasoning().text()).isEqualTo("Let me think.");
        assertThat(reply.content().text()).isEqualTo("Hi there");
        assertThat(reply.answeringProperty().get()).isTrue();
        assertThat(reply.status()).isEqualTo(MessageItem.Status.COMPLETE);
        assertThat(reply.footerProperty().get().text())
                .startsWith(service.settings().model())
                .contains("3 in", "2 out", "first token", "stop");
        assertThat(model.state()).isEqualTo(ChatViewModel.State.IDLE);
        assertThat(model.canRegenerateProperty().get()).isTrue();
    }

    @Test
    void aSendWaitsForItsGuardsAnswerWithoutBlockingAndGoesOnlyWhenApproved() throws Exception {
        java.util.concurrent.CompletableFuture<Boolean> first = new java.util.concurrent.CompletableFuture<>();
        java.util.concurrent.CompletableFuture<Boolean> second = new java.util.concurrent.CompletableFuture<>();
        java.util.Iterator<java.util.concurrent.CompletableFuture<Boolean>> answers = List.of(first, second).iterator();
        model.addSendGuard(answers::next);

        model.setDraft("Hello");
        model.send();
        assertThat(model.checkingProperty().get()).isTrue();
        assertThat(model.items()).as("nothing sent while the guard answers").isEmpty();
        model.send();
        first.complete(true);
        assertThat(model.checkingProperty().get()).isFalse();
        assertThat(model.items()).as("sent once").hasSize(2);
        assertThat(model.draftProperty().get()).isEmpty();

        var answered = backend.last();
        answered.finish("stop");
        awaitEnd();
        model.regenerate();
        second.complete(false);
        assertThat(model.checkingProperty().get()).isFalse();
        assertThat(backend.last()).as("a refused regenerate asks nothing").isSameAs(answered);
    }

    @Test
    void aSendBeforeTheWindowIsBuiltWaitsAndThenAsksTheGuardsAddedMeanwhile() {
        model.setReady(false);
        model.setDraft("Hello");
        model.send();
        assertThat(model.checkingProperty().get()).isTrue();
        assertThat(model.items()).as("nothing sent before the window is built").isEmpty();
        AtomicInteger asked = new AtomicInteger();
        model.addSendGuard(() -> {
            asked.incrementAndGet();
            return java.util.concurrent.CompletableFuture.completedFuture(true);
        });

        model.setReady(true);

        assertThat(asked).as("the guard installed while the window was built").hasValue(1);
        assertThat(model.checkingProperty().get()).isFalse();
        assertThat(model.items()).as("sent once").hasSize(2);
        assertThat(model.draftProperty().get()).isEmpty();
    }

    @Test
    void aGuardThatFailsToAnswerKeepsTheRequestBackWithItsReason() {
        model.addSendGuard(() -> { throw new IllegalArgumentException("the budget could not be read"); });
        model.setDraft("Hello");
        model.send();
        assertThat(model.checkingProperty().get()).isFalse();
        assertThat(model.items()).isEmpty();
        assertThat(model.noticeProperty().get()).isEqualTo("Not sent: the budget could not be read");
        assertThat(model.draftProperty().get()).isEqualTo("Hello");
    }

    @Test
    void stopKeepsThePartialReplyMarkedStopped() throws Exception {
        send("Tell me a story");
        backend.last().text("Once upon");
        model.stop();
        awaitEnd();
        MessageItem reply = model.items().get(1);
        assertThat(backend.last().closed()).isTrue();
        assertThat(reply.content().text()).isEqualTo("Once upon");
        assertThat(reply.status()).isEqualTo(MessageItem.Status.STOPPED);
        assertThat(reply.status().mark()).isEqualTo("stopped");
        assertThat(model.state()).isEqualTo(ChatViewModel.State.IDLE);
    }

    @Test
    void anErrorKeepsThePartialReplyWithTheProvidersMessageAndRetryAsksAgain() throws Exception {
        send("Hello");
        backend.last().text("Half an ans");
        backend.last().fail(new ApiError(ApiError.Kind.SERVER, 502, null, "upstream went away"));
        awaitEnd();
        MessageItem reply = model.items().get(1);
        assertThat(reply.content().text()).isEqualTo("Half an ans");
        assertThat(reply.status()).isEqualTo(MessageItem.Status.FAILED);
        assertThat(reply.errorProperty().get().message()).isEqualTo("upstream went away");
        assertThat(MessageCard.describe(reply.errorProperty().get())).contains("502", "upstream went away");
        assertThat(model.state()).isEqualTo(ChatViewModel.State.FAILED);

        model.retry();
        assertThat(backend.requests).hasSize(2);
        assertThat(backend.requests.get(1).messages()).containsExactly(ChatMessage.user("Hello"));
        assertThat(model.items()).hasSize(2);
        assertThat(model.items().get(1)).isNotSameAs(reply);
        backend.last().text("A whole answer").finish("stop");
        awaitEnd();
        assertThat(model.items().get(1).content().text()).isEqualTo("A whole answer");
        assertThat(model.state()).isEqualTo(ChatViewModel.State.IDLE);
    }

    @Test
    void aCutStreamIsMarkedTruncated() throws Exception {
        send("Hello");
        backend.last().text("Cut in the mid");
        backend.last().cut();
        awaitEnd();
        MessageItem reply = model.items().get(1);
        assertThat(reply.content().text()).isEqualTo("Cut in the mid");
        assertThat(reply.status()).isEqualTo(MessageItem.Status.TRUNCATED);
        assertThat(reply.status().mark()).isEqualTo("truncated");
    }

    @Test
    void regenerateReplacesTheLastAnswer() throws Exception {
        send("Name a colour");
        backend.last().text("Blue").finish("stop");
        awaitEnd();
        MessageItem first = model.items().get(1);
        model.regenerate();
        assertThat(backend.requests).hasSize(2);
        assertThat(backend.requests.get(1).messages()).isEqualTo(backend.requests.get(0).messages());
        backend.last().text("Green").finish("stop");
        awaitEnd();
        assertThat(model.items()).hasSize(2);
        assertThat(model.items()).doesNotContain(first);
        assertThat(model.items().get(1).content().text()).isEqualTo("Green");
    }

    @Test
    void editingAUserMessageDropsWhatFollowedAndSendsAgain() throws Exception {
        send("First");
        backend.last().text("Reply one").finish("stop");
        awaitEnd();
        send("Second");
        backend.last().text("Reply two").finish("stop");
        awaitEnd();
        assertThat(model.items()).hasSize(4);

        MessageItem first = model.items().get(0);
        assertThat(model.edit(first, "First, edited")).isTrue();
        assertThat(backend.requests.getLast().messages()).containsExactly(ChatMessage.user("First, edited"));
        assertThat(model.items()).hasSize(2);
        assertThat(model.items().get(0)).isSameAs(first);
        assertThat(first.content().text()).isEqualTo("First, edited");
        backend.last().text("New reply").finish("stop");
        awaitEnd();
        assertThat(model.items().get(1).content().text()).isEqualTo("New reply");
    }

    @Test
    void deleteRemovesTheCard() throws Exception {
        send("Hello");
        backend.last().text("Hi").finish("stop");
        awaitEnd();
        model.delete(model.items().get(1));
        assertThat(model.items()).extracting(MessageItem::role).containsExactly("user");
        assertThat(service.conversation().messages()).hasSize(1);
        assertThat(model.canRegenerateProperty().get()).isFalse();
    }

    @Test
    void copyGivesTheMessageAsWritten() throws Exception {
        send("Hello");
        backend.last().text("**bold** and `code`").finish("stop");
        awaitEnd();
        assertThat(model.copyText(model.items().get(1))).isEqualTo("**bold** and `code`");
    }

    @Test
    void newChatEmptiesTheTranscript() throws Exception {
        send("Hello");
        backend.last().text("Hi").finish("stop");
        awaitEnd();
        model.newChat();
        assertThat(model.items()).isEmpty();
        assertThat(model.emptyProperty().get()).isTrue();
        assertThat(service.conversation().messages()).isEmpty();
    }

    @Test
    void aRefusedSendKeepsTheDraftAndSaysWhy() {
        refusal = "temperature must be between 0 and 2: set it in that range.";
        model.setDraft("Keep me");
        model.send();
        assertThat(model.draftProperty().get()).isEqualTo("Keep me");
        assertThat(model.noticeProperty().get()).isEqualTo(refusal);
        assertThat(backend.requests).isEmpty();
        assertThat(model.items()).isEmpty();

        refusal = null;
        model.send();
        assertThat(model.noticeProperty().get()).isEmpty();
        assertThat(backend.requests).hasSize(1);
    }

    @Test
    void anEmptyDraftIsNotSent() {
        model.setDraft("   ");
        model.send();
        assertThat(model.noticeProperty().get()).isEqualTo("Type a message first.");
        assertThat(backend.requests).isEmpty();
    }

    @Test
    void theCostAppearsInTheFooter() throws Exception {
        send("Hello");
        backend.last().text("Hi").usage(10, 1).finish("stop");
        awaitEnd();
        MessageItem reply = model.items().get(1);
        model.showCost(reply.id(), "≈ $0.0012");
        assertThat(reply.costProperty().get()).isEqualTo("≈ $0.0012");
        assertThat(MessageCard.footerText(reply.footerProperty().get(), reply.costProperty().get()))
                .contains("10 in", "1 out").endsWith(" · ≈ $0.0012");
        model.showCost("reply-not-shown-yet", "price unknown");
        assertThat(model.item("reply-not-shown-yet")).isEmpty();
    }

    @Test
    void deltasBetweenTwoFramesReachTheCardAsOneAppend() throws Exception {
        batched.setDraft("Hello");
        batched.send();
        clock.tick();
        MessageItem reply = batched.items().get(1);
        AtomicInteger appends = new AtomicInteger();
        reply.content().onAppend(piece -> appends.incrementAndGet());
        for (int i = 0; i < 1000; i++) manual.last().text("abc ");
        assertThat(reply.content().length()).isZero();
        clock.tick();
        assertThat(appends.get()).isEqualTo(1);
        assertThat(reply.content().text()).isEqualTo("abc ".repeat(1000));
        assertThat(clock.tick()).as("an idle frame lets the clock rest").isFalse();
    }

    @Test
    void aReplyThatEndsBeforeTheNextFrameArrivesOnceAndAsAStream() throws Exception {
        // after the view model's: listeners hear an event in the order they were added, so the reply's
        // end is in the view model's buffer once this latch opens
        CountDownLatch ended = new CountDownLatch(1);
        batchedChat.addListener(e -> { if (e instanceof ChatEvent.Ended) ended.countDown(); });
        List<String> resets = new ArrayList<>();
        List<String> appends = new ArrayList<>();
        batched.items().addListener((javafx.collections.ListChangeListener<MessageItem>) change -> {
            for (MessageItem item : batched.items()) {
                if (item.isAssistant() && appends.isEmpty() && resets.isEmpty()) {
                    item.content().onAppend(appends::add);
                    item.content().onReset(resets::add);
                }
            }
        });
        batched.setDraft("Hello");
        batched.send();
        manual.last().text("Hi ");
        manual.last().text("there");
        manual.last().finish("stop");
        assertThat(ended.await(5, TimeUnit.SECONDS)).isTrue();

        clock.tick();
        MessageItem reply = batched.items().get(1);
        assertThat(reply.content().text()).isEqualTo("Hi there");
        assertThat(appends).containsExactly("Hi there");
        assertThat(resets).as("the card is not rebuilt from the whole text").isEmpty();
        assertThat(reply.status()).isEqualTo(MessageItem.Status.COMPLETE);
    }

    @Test
    void aCostThatComesBeforeTheRepliesCardIsShownOnIt() throws Exception {
        CountDownLatch ended = new CountDownLatch(1);
        batchedChat.addListener(e -> { if (e instanceof ChatEvent.Ended) ended.countDown(); });
        batched.setDraft("Hello");
        batched.send();
        manual.last().text("Hi").usage(10, 1).finish("stop");
        assertThat(ended.await(5, TimeUnit.SECONDS)).isTrue();
        String replyId = batchedChat.conversation().messages().getLast().id();

        batched.showCost(replyId, "price unknown");
        clock.tick();

        assertThat(batched.item(replyId)).map(i -> i.costProperty().get()).contains("price unknown");
    }

    private void send(String text) {
        model.setDraft(text);
        model.send();
        assertThat(model.noticeProperty().get()).isEmpty();
    }

    private void awaitEnd() throws InterruptedException {
        assertThat(ends.poll(5, TimeUnit.SECONDS)).as("the reply ended").isNotNull();
    }

    /** A clock the test advances by hand. */
    static final class ManualClock implements FrameClock {
        private BooleanSupplier task;

        @Override
        public void start(BooleanSupplier perFrame) {
            task = perFrame;
        }

        @Override
        public void stop() {
            task = null;
        }

        boolean tick() {
            return task != null && task.getAsBoolean();
        }
    }
}
