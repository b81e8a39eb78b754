package parley.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import parley.api.ApiError;
import parley.api.ChatMessage;
import parley.api.ExtendedParameters;
import parley.api.Tool;
import parley.api.ToolCall;
import parley.api.ToolChoice;

class WireMessagesTest {
    private static final ToolCall CALL = ToolCall.of("c1", "look", "{}");
    private static final ToolCall UNANSWERED = ToolCall.of("c2", "look", "{\"q\":1}");

    @Test
    void callsAndResultsGoInPairsAndEmptyRepliesStayOut() {
        List<Message> messages = List.of(user("Find"),
                assistant("Looking.", "think", CALL, UNANSWERED),
                Message.toolResult("t1", CALL, "found"),
                Message.toolResult("t2", ToolCall.of("c9", "look", "{}"), "from a deleted reply"),
                new Message("a2", "assistant", "", "", MessageStatus.FAILED, new ApiError(ApiError.Kind.NETWORK, 0, null, "x")),
                assistant("", "only calls, none answered", UNANSWERED));

        List<ChatMessage> wire = WireMessages.of(messages, ExtendedParameters.NONE);

        assertThat(wire).containsExactly(ChatMessage.user("Find"),
                ChatMessage.assistantCalls("Looking.", List.of(CALL), "think"),
                ChatMessage.toolResult("c1", "found"));
    }

    @Test
    void reasoningGoesBackOnlyWhenToolsAreInPlay() {
        List<Message> plain = List.of(user("Hi"), assistant("Hello.", "greet", new ToolCall[0]));
        ExtendedParameters tools = ExtendedParameters.NONE.withTools(
                List.of(Tool.function("look", null, null)), ToolChoice.AUTO, null);

        assertThat(WireMessages.of(plain, ExtendedParameters.NONE).get(1).reasoningContent()).isNull();
        assertThat(WireMessages.of(plain, tools).get(1).reasoningContent()).isEqualTo("greet");
    }

    private static Message user(String text) {
        return new Message("u-" + text, "user", text, "", MessageStatus.COMPLETE, null);
    }

    private static Message assistant(String text, String reasoning, ToolCall... calls) {
        return new Message("a-" + text + reasoning, "assistant", text, reasoning, MessageStatus.COMPLETE, null).withToolCalls(List.of(calls));
    }
}
