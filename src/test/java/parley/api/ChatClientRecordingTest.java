package parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import parley.testing.ScriptedServer;
import parley.testing.ScriptedServer.Reply;

/** The llama-server recordings replayed as they are, through ChatClient. */
class ChatClientRecordingTest {
    private final ScriptedServer server = ScriptedServer.start();
    private final ChatClient client = new ChatClient(ClientConfig.of(server.baseUrl(), null));
    private final List<StreamEvent> events = new CopyOnWriteArrayList<>();

    @AfterEach
    void tearDown() {
        client.close();
        server.close();
    }

    private static ChatRequest request(boolean stream) {
        return ChatRequest.of("tiny-llama", List.of(ChatMessage.user("hi")))
                .withStream(stream, stream ? ChatRequest.StreamOptions.INCLUDE_USAGE : null);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, 100})
    void streamWithUsageReplaysInAnyPieces(int pieceSize) throws Exception {
        server.enqueue(Reply.recording("llama-server/chat_stream.txt", pieceSize));

        ChatResult result = client.start(request(true), events::add).await();

        assertThat(result.error()).isNull();
        assertThat(result.content()).isEqualTo("kDZ over redDq I overbGa a userF0");
        assertThat(result.finishReason()).isEqualTo("length");
        assertThat(result.usage()).isEqualTo(new Usage(58, 16, 74, null, 57));
        assertThat(result.truncated()).isFalse();
        assertThat(result.stopped()).isFalse();
        assertThat(result.ok()).isTrue();
        assertThat(events).filteredOn(e -> e instanceof StreamEvent.Delta).hasSize(16);
        assertThat(events.getLast()).isInstanceOf(StreamEvent.Usage.class);
        assertThat(server.requests().getFirst().path()).isEqualTo("/v1/chat/completions");
    }

    @Test
    void streamWithoutUsage() throws Exception {
        server.enqueue(Reply.recording("llama-server/chat_stream_nousage.txt", 13));

        ChatResult result = client.start(request(true), events::add).await();

        assertThat(result.content()).isEqualTo(" systemz llamaGZZZZ");
        assertThat(result.finishReason()).isEqualTo("length");
        assertThat(result.usage()).isNull();
        assertThat(result.ok()).isTrue();
    }

    @Test
    void nonStreamingAnswerArrivesAsTheSameEvents() throws Exception {
        server.enqueue(Reply.recording("llama-server/chat_nonstream.txt", 0));

        ChatResult result = client.start(request(false), events::add).await();

        assertThat(result.content()).isEqualTo("kDZ over redDq I overbGa a userF0");
        assertThat(result.finishReason()).isEqualTo("length");
        assertThat(result.usage()).isEqualTo(new Usage(58, 16, 74, null, 0));
        assertThat(events).containsExactly(
                new StreamEvent.Delta("kDZ over redDq I overbGa a userF0"),
                new StreamEvent.Usage(new Usage(58, 16, 74, null, 0)),
                new StreamEvent.Finish("length"));
    }
}
