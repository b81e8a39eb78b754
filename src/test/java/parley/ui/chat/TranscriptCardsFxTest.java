package parley.ui.chat;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import parley.chat.ChatService;
import parley.chat.Conversation;
import parley.chat.Message;
import parley.chat.MessageStatus;
import parley.ui.UiThread;

/**
 * A long conversation opened into a transcript on screen: the newest cards that fill the view come
 * at once, the older ones of the page above them over the next pulses.
 */
class TranscriptCardsFxTest extends FxRobot {
    private static final int MESSAGES = 300;

    private ChatService chat;
    private ChatViewModel model;

    @AfterEach
    void close() throws Exception {
        interact(model::close);
        FxToolkit.cleanupStages();
    }

    /**
     * A chat view on screen with an empty transcript, its chat holding a conversation of {@link #MESSAGES}
     * that {@code model.reload()} puts in; a pulse may spend {@code budgetNanos} on waiting cards.
     */
    private void showWith(long budgetNanos) throws Exception {
        chat = new ChatService(s -> { throw new IllegalStateException("nothing is sent here"); }, r -> {});
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            model = new ChatViewModel(chat, UiThread.FX);
            stage.setScene(new Scene(new ChatView(model, budgetNanos), 900, 700));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            messages.add(new Message("m" + i, i % 2 == 0 ? "user" : "assistant", "Message " + i + " about **tea**.",
                    "", MessageStatus.COMPLETE, null));
        }
        chat.open(Conversation.restore("long", messages));
    }

    @Test
    void openingBuildsTheCardsThatFillTheViewAtOnceAndTheRestOfThePageAfter() throws Exception {
        showWith(TranscriptCards.PULSE_BUDGET_NANOS);
        CompletableFuture<Integer> atFirstLayout = new CompletableFuture<>();
        double[] firstScreen = onFx(() -> {
            model.reload();
            List<Node> built = cards();
            double height = built.stream().mapToDouble(c -> c.prefHeight(transcriptWidth())).sum();
            Scene scene = viewport().getScene();
            Runnable[] once = new Runnable[1];
            once[0] = () -> {
                scene.removePostLayoutPulseListener(once[0]);
                atFirstLayout.complete(cards().size());
            };
            scene.addPostLayoutPulseListener(once[0]);
            return new double[] {built.size(), height, viewport().getLayoutBounds().getHeight()};
        });
        assertThat((int) firstScreen[0]).as("cards built with the open").isPositive().isLessThan(TranscriptPages.PAGE);
        assertThat(firstScreen[1]).as("their height fills the view").isGreaterThanOrEqualTo(firstScreen[2]);
        assertThat(atFirstLayout.get(30, TimeUnit.SECONDS)).as("the first layout draws them alone")
                .isEqualTo((int) firstScreen[0]);

        waitUntil(() -> cards().size() == TranscriptPages.PAGE);
        assertThat(ChatViewFxTest.text(cards().getFirst())).contains("Message 240 about");
        assertThat(ChatViewFxTest.text(cards().getLast())).contains("Message 299 about");
        waitUntil(() -> inView(cards().getLast()));
    }

    @Test
    void aViewScrolledUpWhileCardsArriveAboveKeepsWhatItShows() throws Exception {
        showWith(0); // one card a pulse
        interact(model::reload);
        waitUntil(() -> cards().size() >= 20);
        Node[] top = new Node[1];
        double before = onFx(() -> {
            ScrollPane scroller = (ScrollPane) lookup(".chat-scroller").query();
            scroller.setVvalue(scroller.getVmin());
            scroller.applyCss();
            scroller.layout();
            top[0] = cards().get(2);
            return top[0].localToScene(top[0].getLayoutBounds()).getMinY();
        });

        waitUntil(() -> cards().size() == TranscriptPages.PAGE);
        WaitForAsyncUtils.waitForFxEvents();
        double after = onFx(() -> top[0].localToScene(top[0].getLayoutBounds()).getMinY());
        assertThat(after).as("the card in view stays where it was").isCloseTo(before, Offset.offset(2.0));
    }

    @Test
    void showEarlierWhileCardsWaitBuildsThemAndThePageAbove() throws Exception {
        showWith(0);
        int shown = onFx(() -> {
            model.reload();
            return cards().size();
        });
        assertThat(shown).isLessThan(TranscriptPages.PAGE);
        interact(() -> lookup(".chat-earlier").queryButton().fire());
        assertThat(onFx(() -> cards().size())).isEqualTo(2 * TranscriptPages.PAGE);
        assertThat(ChatViewFxTest.text(onFx(() -> cards().getFirst()))).contains("Message 180 about");
    }

    private List<Node> cards() {
        return new ArrayList<>(lookup(".chat-card").queryAll());
    }

    private double transcriptWidth() {
        return lookup(".chat-transcript").query().getLayoutBounds().getWidth();
    }

    private Node viewport() {
        return lookup(".chat-scroller .viewport").query();
    }

    private boolean inView(Node node) {
        Bounds shown = viewport().localToScene(viewport().getLayoutBounds());
        Bounds bounds = node.localToScene(node.getLayoutBounds());
        return bounds.getMaxY() > shown.getMinY() && bounds.getMinY() < shown.getMaxY();
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
    }

    private static void waitUntil(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
    }
}
