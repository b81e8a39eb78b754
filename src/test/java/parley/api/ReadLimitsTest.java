package parley.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import parley.testing.ScriptedServer;
import parley.testing.ScriptedServer.Reply;

/** Answers past the read limits are refused with a message naming the limit, over loopback. */
@Timeout(60)
class ReadLimitsTest {
    private static final int MB = (int) ReadLimits.MB;
    private final ScriptedServer server = ScriptedServer.start();
    private final List<ChatClient> clients = new ArrayList<>();

    @AfterEach
    void tearDown() {
        clients.forEach(ChatClient::close);
        server.close();
    }

    private ChatClient client(ReadLimits limits) {
        ChatClient client = new ChatClient(ClientConfig.of(server.baseUrl(), null).withRetries(0, null).withLimits(limits));
        clients.add(client);
        return client;
    }

    private static ChatRequest request(boolean stream) {
        return ChatRequest.of("m", List.of(ChatMessage.user("hi"))).withStream(stream, null);
    }

    private static String delta(String text) {
        return "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + text + "\"}}]}";
    }

    private static byte[] filled(int size, char c) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) c);
        return bytes;
    }

    @Test
    void aNineMegabyteSseLineIsRefusedAndWhatCameBeforeIsKept() throws Exception {
        server.enqueue(Reply.stream().events(delta("Hello")).send("data: " + delta("x").replace("x", ""))
                .send(filled(9 * MB, 'a')).send("\"}}]}\n\n"));

        ChatResult result = client(ReadLimits.DEFAULT).start(request(true), e -> {}).await();

        assertThat(result.content()).isEqualTo("Hello");
        assertThat(result.truncated()).isTrue();
        assertThat(result.error().type()).isEqualTo("too_large");
        assertThat(result.error().message()).isEqualTo("a line of the stream is over the 8 MB limit; nothing past it"
                + " was kept (raise the setting limits.sse_line_mb if the server is right to send that much)");
    }

    @Test
    void anEventWhoseDataLinesAddUpPastTheLimitIsRefused() throws Exception {
        String line = "data: " + "b".repeat(600) + "\n";
        server.enqueue(Reply.stream().send(line + line + "\n"));

        ChatResult result = client(new ReadLimits(1000, 1000, 1000)).start(request(true), e -> {}).await();

        assertThat(result.error().message()).startsWith("a line of the stream is over the 1,000 bytes limit");
    }

    @Test
    void aLineJustUnderTheLimitPasses() throws Exception {
        String data = delta("c".repeat(900));
        server.enqueue(Reply.sse(data, "{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}"));

        ChatResult result = client(new ReadLimits(("data: " + data).length(), 1000, 1000)).start(request(true), e -> {}).await();

        assertThat(result.ok()).isTrue();
        assertThat(result.content()).hasSize(900);
    }

    @Test
    void aSixtyFiveMegabyteBodyIsRefused() throws Exception {
        byte[] body = filled(65 * MB, ' ');
        byte[] start = "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"hi\"}}]}"
                .getBytes(StandardCharsets.UTF_8);
        System.arraycopy(start, 0, body, 0, start.length); // valid JSON followed by 65 MB of white space
        server.enqueue(Reply.fixed(200, "application/json", body));

        ChatResult result = client(ReadLimits.DEFAULT).start(request(false), e -> {}).await();

        assertThat(result.ok()).isFalse();
        assertThat(result.error().type()).isEqualTo("too_large");
        assertThat(result.error().message()).isEqualTo("the answer's body is over the 64 MB limit; nothing past it"
                + " was kept (raise the setting limits.body_mb if the server is right to send that much)");
    }

    @Test
    void aBodyAtTheLimitIsRead() throws Exception {
        String json = "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"hi\"},\"finish_reason\":\"stop\"}]}";
        server.enqueue(Reply.json(200, json));
        server.enqueue(Reply.json(200, json + " "));
        ChatClient client = client(new ReadLimits(1000, json.length(), 1000));

        assertThat(client.start(request(false), e -> {}).await().content()).isEqualTo("hi");
        assertThat(client.start(request(false), e -> {}).await().error().message())
                .startsWith("the answer's body is over the " + String.format(java.util.Locale.ROOT, "%,d", json.length()) + " bytes limit");
    }

    @Test
    void aSeventeenMegabyteModelListIsRefused() {
        byte[] body = filled(17 * MB, ' ');
        byte[] start = "{\"object\":\"list\",\"data\":[{\"id\":\"m\"}]}".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(start, 0, body, 0, start.length);
        server.enqueue(Reply.fixed(200, "application/json", body));

        assertThatThrownBy(() -> client(ReadLimits.DEFAULT).fetchModels()).isInstanceOf(ApiException.class)
                .hasMessageContaining("the model list is over the 16 MB limit; nothing past it was kept (raise the"
                        + " setting limits.model_list_mb");
    }

    @Test
    void aModelListUnderTheLimitIsRead() throws Exception {
        server.enqueue(Reply.json(200, "{\"object\":\"list\",\"data\":[{\"id\":\"m\"}]}"));

        assertThat(client(ReadLimits.DEFAULT).fetchModels().path("data").get(0).path("id").asText()).isEqualTo("m");
    }

    @Test
    void theDecoderRefusesALongLineWhereverTheBytesAreSplit() {
        byte[] stream = ("data: " + "d".repeat(100) + "\n\n").getBytes(StandardCharsets.UTF_8);
        for (int split = 1; split < stream.length; split++) {
            SseDecoder decoder = new SseDecoder((event, data, offset, length) -> {}, null, 50);
            int at = split;
            assertThatThrownBy(() -> {
                decoder.feed(stream, 0, at);
                decoder.feed(stream, at, stream.length - at);
            }).isInstanceOf(SseDecoder.LineTooLong.class);
        }
        List<String> seen = new ArrayList<>();
        SseDecoder roomy = new SseDecoder((event, data, offset, length) -> seen.add(new String(data, offset, length,
                StandardCharsets.UTF_8)), null, 106);
        roomy.feed(stream);
        assertThat(seen).containsExactly("d".repeat(100));
    }
}
