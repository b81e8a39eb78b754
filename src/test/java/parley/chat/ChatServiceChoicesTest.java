package parley.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import parley.api.ChatMessage;
import parley.api.Choice;
import parley.api.ExtendedParameters;
import parley.api.TokenLogprob;
import parley.api.ToolCall;
import parley.testing.ResultBackend;

/** Several choices and log-probabilities on a reply, and picking the choice that continues. */
class ChatServiceChoicesTest {
    private static final List<TokenLogprob> TOKENS = List.of(new TokenLogprob("Blue", -0.1, List.of(66, 108, 117, 101),
            List.of(new TokenLogprob.Top("Blue", -0.1, null), new TokenLogprob.Top("Grey", -2.5, null))));
    private final ResultBackend backend = new ResultBackend();
    private final ChatService service = new ChatService(s -> backend, request -> { });
    private final List<ChatEvent> events = new CopyOnWriteArrayList<>();

    ChatServiceChoicesTest() {
        service.setSettings(ChatSettings.defaults().withExtended(ExtendedParameters.NONE.withN(3)
                .withLogprobs(true, 2)));
        service.addListener(events::add);
    }

    @Test
    void theSecondOfThreeChoicesContinuesTheConversation() throws Exception {
        backend.answer(ResultBackend.choices(new Choice(0, "Blue.", null, "stop", null, TOKENS),
                new Choice(1, "Grey, mostly.", "Brittany is cloudy.", "stop", null, List.of()),
                new Choice(2, "", null, "tool_calls", List.of(ToolCall.of("c", "look", "{}")), null)));
        backend.answer(ResultBackend.text("Because of the clouds.", List.of()));
        ChatEvent.Ended end = service.send("What colour is the sky?").await();
        assertThat(end.message().choices()).hasSize(3);
        assertThat(end.message().content()).isEqualTo("Blue.");
        assertThat(end.message().logprobs()).isEqualTo(TOKENS);
        assertThat(end.record().result().choices()).hasSize(3);

        Message picked = service.pickChoice(end.messageId(), 1);

        assertThat(picked.chosen()).isEqualTo(1);
        assertThat(picked.content()).isEqualTo("Grey, mostly.");
        assertThat(picked.reasoning()).isEqualTo("Brittany is cloudy.");
        assertThat(picked.logprobs()).isEmpty();
        assertThat(service.conversation().last()).contains(picked);
        assertThat(events.getLast()).isEqualTo(new ChatEvent.ChoicePicked(end.messageId(), 1, picked));
        service.send("Why?").await();
        assertThat(backend.requests.get(1).messages()).extracting(ChatMessage::content)
                .containsExactly("What colour is the sky?", "Grey, mostly.", "Why?");
        assertThat(backend.requests.get(1).extended().n()).isEqualTo(3);
    }

    @Test
    void pickingIsRefusedWhereItCannotApply() throws Exception {
        backend.answer(ResultBackend.choices(new Choice(0, "A", null, "stop", null, null),
                new Choice(1, "B", null, "stop", null, null)));
        backend.answer(ResultBackend.text("One.", TOKENS));
        backend.answer(ResultBackend.text("Two.", List.of()));
        String first = service.send("Pick").await().messageId();

        assertThatThrownBy(() -> service.pickChoice(first, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("That reply has 2 choices: pick one of 1 to 2.");
        ChatEvent.Ended single = service.send("Again").await();
        assertThat(single.message().logprobs()).isEqualTo(TOKENS);
        assertThat(single.message().choices()).as("one choice is the message itself").isEmpty();
        assertThatThrownBy(() -> service.pickChoice(single.messageId(), 0))
                .hasMessage("That reply has one choice only: set n above 1 to get several.");
        assertThatThrownBy(() -> service.pickChoice(first, 1)).isInstanceOf(IllegalStateException.class)
                .hasMessage("Only the last reply's choice can be changed: the messages after it followed choice 1.");
        assertThatThrownBy(() -> service.pickChoice("gone", 0)).hasMessageContaining("no longer in the conversation");
    }

    @Test
    void aPickedChoiceWithToolCallsWaitsForResults() throws Exception {
        backend.answer(ResultBackend.choices(new Choice(0, "No tools.", null, "stop", null, null),
                new Choice(1, "", "Look it up.", "tool_calls", List.of(ToolCall.of("c1", "look", "{}")), null)));
        backend.answer(ResultBackend.text("Found.", List.of()));
        String id = service.send("Find").await().messageId();
        assertThat(service.conversation().pendingToolCalls()).isEmpty();

        service.pickChoice(id, 1);
        service.sendToolResults(List.of(ToolResult.of("c1", "42"))).await();

        List<ChatMessage> sent = backend.requests.get(1).messages();
        assertThat(sent).extracting(ChatMessage::role).containsExactly("user", "assistant", "tool");
        assertThat(sent.get(1).toolCalls()).extracting(ToolCall::id).containsExactly("c1");
        assertThat(sent.get(1).reasoningContent()).isEqualTo("Look it up.");
    }
}
