package parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Streams and answers with tool calls, several choices and log-probabilities, read through the SSE
 * decoder, the chunk parser and the result collector as a real answer is; every stream also cut
 * at every byte.
 */
class ToolCallDecodingTest {
    private static final String WEATHER_ARGS = "{\"city\": \"Zürich 東京 😀\", \"unit\": \"c\"}";

    static String chunk(String choicesJson) {
        return "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[" + choicesJson + "]}\n\n";
    }

    static String delta(int choice, String deltaJson) {
        return "{\"index\":" + choice + ",\"delta\":" + deltaJson + ",\"finish_reason\":null}";
    }

    static String finish(int choice, String reason) {
        return "{\"index\":" + choice + ",\"delta\":{},\"finish_reason\":\"" + reason + "\"}";
    }

    static String toolPiece(int index, String id, String name, String argumentsJson) {
        String head = id == null ? "" : "\"id\":\"" + id + "\",\"type\":\"function\",";
        String fn = name == null ? "\"arguments\":" + argumentsJson : "\"name\":\"" + name + "\",\"arguments\":" + argumentsJson;
        return "{\"tool_calls\":[{\"index\":" + index + "," + head + "\"function\":{" + fn + "}}]}";
    }

    static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    static String stream(String... chunks) {
        return String.join("", chunks) + "data: [DONE]\n\n";
    }

    /** The arguments cut into pieces of at most {@code size} characters, each one chunk. */
    static List<String> argumentChunks(int index, String arguments, int size) {
        List<String> chunks = new ArrayList<>();
        for (int i = 0; i < arguments.length(); i += size) {
            int end = Math.min(arguments.length(), i + size);
            if (Character.isHighSurrogate(arguments.charAt(end - 1)) && end < arguments.length()) {
                end++; // a piece of a JSON string cannot end inside a surrogate pair written as UTF-8
            }
            chunks.add(chunk(delta(0, toolPiece(index, null, null, json(arguments.substring(i, end))))));
            i = end - size;
        }
        return chunks;
    }

    static Stream<Arguments> streams() {
        List<String> split = new ArrayList<>();
        split.add(chunk(delta(0, "{\"role\":\"assistant\",\"content\":null," + toolPiece(0, "call_1", "get_weather", "\"\"").substring(1))));
        split.addAll(argumentChunks(0, WEATHER_ARGS, 3));
        split.add(chunk(finish(0, "tool_calls")));

        String interleaved = stream(
                chunk(delta(0, toolPiece(0, "call_a", "get_weather", "\"\""))),
                chunk(delta(0, toolPiece(1, "call_b", "get_time", "\"{\\\"tz\\\":\""))),
                chunk(delta(0, toolPiece(0, null, null, "\"{\\\"city\\\":\""))),
                chunk(delta(0, toolPiece(1, null, null, "\"\\\"Europe/Paris\\\"}\""))),
                chunk(delta(0, toolPiece(0, null, null, "\"\\\"Paris\\\"}\""))),
                chunk(finish(0, "tool_calls")));

        return Stream.of(
                Arguments.of("name first, arguments split over many chunks (3 characters each)",
                        stream(split.toArray(String[]::new)),
                        List.of(ToolCall.of("call_1", "get_weather", WEATHER_ARGS))),
                Arguments.of("two calls interleaving by index", interleaved,
                        List.of(ToolCall.of("call_a", "get_weather", "{\"city\":\"Paris\"}"),
                                ToolCall.of("call_b", "get_time", "{\"tz\":\"Europe/Paris\"}"))),
                Arguments.of("a whole call in one chunk",
                        stream(chunk(delta(0, toolPiece(0, "call_1", "get_weather", json(WEATHER_ARGS)))),
                                chunk(finish(0, "tool_calls"))),
                        List.of(ToolCall.of("call_1", "get_weather", WEATHER_ARGS))),
                Arguments.of("arguments sent as an object keep their JSON text",
                        stream(chunk(delta(0, toolPiece(0, "call_1", "get_weather", "{\"city\": \"Zürich\",\"n\":[1, 2]}"))),
                                chunk(finish(0, "tool_calls"))),
                        List.of(ToolCall.of("call_1", "get_weather", "{\"city\": \"Zürich\",\"n\":[1, 2]}"))),
                Arguments.of("a surrogate pair split between two pieces as escapes",
                        stream(chunk(delta(0, toolPiece(0, "call_1", "f", "\"{\\\"e\\\":\\\"\\ud83d\""))),
                                chunk(delta(0, toolPiece(0, null, null, "\"\\ude00\\\"}\""))),
                                chunk(finish(0, "tool_calls"))),
                        List.of(ToolCall.of("call_1", "f", "{\"e\":\"😀\"}"))),
                Arguments.of("broken JSON arguments are kept as they came",
                        stream(chunk(delta(0, toolPiece(0, "call_1", "f", "\"{\\\"city\\\": \\\"Par\""))),
                                chunk(finish(0, "tool_calls"))),
                        List.of(ToolCall.of("call_1", "f", "{\"city\": \"Par"))),
                Arguments.of("every call numbered 0, told apart by their ids",
                        stream(chunk(delta(0, toolPiece(0, "call_a", "f", "\"{}\""))),
                                chunk(delta(0, toolPiece(0, "call_b", "g", "\"{\\\"x\\\":1}\""))),
                                chunk(finish(0, "tool_calls"))),
                        List.of(ToolCall.of("call_a", "f", "{}"), ToolCall.of("call_b", "g", "{\"x\":1}"))),
                Arguments.of("a call with no arguments at all",
                        stream(chunk(delta(0, "{\"tool_calls\":[{\"index\":0,\"id\":\"c\",\"type\":\"function\",\"function\":{\"name\":\"now\"}}]}")),
                                chunk(finish(0, "tool_calls"))),
                        List.of(ToolCall.of("c", "now", ""))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("streams")
    void toolCallsAreAssembled(String name, String sse, List<ToolCall> expected) {
        ChatResult result = read(sse, new ArrayList<>());
        assertThat(result.toolCalls()).isEqualTo(expected);
        assertThat(result.finishReason()).isEqualTo("tool_calls");
        assertThat(result.truncated()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("streams")
    void everyCutOfTheBytesGivesTheSameCalls(String name, String sse, List<ToolCall> expected) {
        byte[] bytes = sse.getBytes(StandardCharsets.UTF_8);
        for (int cut = 1; cut < bytes.length; cut++) {
            ChatResult result = read(bytes, List.of(cut));
            assertThat(result.toolCalls()).as("cut at byte %d", cut).isEqualTo(expected);
            assertThat(result.error()).isNull();
        }
        assertThat(read(bytes, everyByte(bytes.length)).toolCalls()).as("one byte per read").isEqualTo(expected);
    }

    @Test
    void toolCallPiecesAreReportedAsTheyCome() {
        List<StreamEvent> events = new ArrayList<>();
        read(stream(chunk(delta(0, toolPiece(0, "call_1", "f", "\"{\\\"a\\\"\""))),
                chunk(delta(0, toolPiece(0, null, null, "\":1}\""))), chunk(finish(0, "tool_calls"))), events);
        assertThat(events).containsExactly(
                new StreamEvent.ToolCallPiece(0, 0, "call_1", "function", "f", "{\"a\""),
                new StreamEvent.ToolCallPiece(0, 0, null, null, null, ":1}"),
                new StreamEvent.Finish("tool_calls"));
    }

    @Test
    void threeChoicesStreamedInterleavedAreKeptByIndex() {
        String sse = stream(
                chunk(delta(2, "{\"role\":\"assistant\",\"content\":\"C\"}") + "," + delta(0, "{\"role\":\"assistant\",\"content\":\"A\"}")),
                chunk(delta(1, "{\"reasoning_content\":\"hm\"}")),
                chunk(delta(1, "{\"content\":\"B\"}")),
                chunk(delta(0, "{\"content\":\"a\"}")),
                chunk(delta(2, toolPiece(0, "call_c", "f", "\"{}\"")) + "," + delta(1, "{\"content\":\"b\"}")),
                chunk(finish(1, "stop")),
                chunk(finish(2, "tool_calls") + "," + finish(0, "length")));
        List<Choice> expected = List.of(
                new Choice(0, "Aa", "", "length", List.of(), List.of()),
                new Choice(1, "Bb", "hm", "stop", List.of(), List.of()),
                new Choice(2, "C", "", "tool_calls", List.of(ToolCall.of("call_c", "f", "{}")), List.of()));
        List<StreamEvent> events = new ArrayList<>();
        ChatResult result = read(sse, events);
        assertThat(result.choices()).isEqualTo(expected);
        assertThat(result.content()).isEqualTo("Aa");
        assertThat(result.finishReason()).isEqualTo("length");
        assertThat(events).contains(new StreamEvent.ChoiceDelta(2, "C", null, null),
                new StreamEvent.ChoiceDelta(1, null, "hm", null), new StreamEvent.ChoiceDelta(1, null, null, "stop"),
                new StreamEvent.ToolCallPiece(2, 0, "call_c", "function", "f", "{}"));
        byte[] bytes = sse.getBytes(StandardCharsets.UTF_8);
        for (int cut = 1; cut < bytes.length; cut++) {
            assertThat(read(bytes, List.of(cut)).choices()).as("cut at byte %d", cut).isEqualTo(expected);
        }
    }

    @Test
    void logprobsAreReadFromAStream() {
        String sse = stream(
                chunk("{\"index\":0,\"delta\":{\"content\":\"Hi\"},\"logprobs\":{\"content\":[{\"token\":\"Hi\",\"logprob\":-0.25,"
                        + "\"bytes\":[72,105],\"top_logprobs\":[{\"token\":\"Hi\",\"logprob\":-0.25,\"bytes\":[72,105]},"
                        + "{\"token\":\"Hello\",\"logprob\":-1.5,\"bytes\":null}]}],\"refusal\":null}}"),
                chunk("{\"index\":0,\"delta\":{\"content\":\" é\"},\"logprobs\":{\"content\":[{\"token\":\" é\",\"logprob\":-3,"
                        + "\"bytes\":[32,195,169],\"top_logprobs\":[]}]}}"),
                chunk("{\"index\":0,\"delta\":{},\"logprobs\":null,\"finish_reason\":\"stop\"}"));
        List<TokenLogprob> expected = List.of(
                new TokenLogprob("Hi", -0.25, List.of(72, 105), List.of(new TokenLogprob.Top("Hi", -0.25, List.of(72, 105)),
                        new TokenLogprob.Top("Hello", -1.5, null))),
                new TokenLogprob(" é", -3, List.of(32, 195, 169), List.of()));
        List<StreamEvent> events = new ArrayList<>();
        ChatResult result = read(sse, events);
        assertThat(result.logprobs()).isEqualTo(expected);
        assertThat(result.content()).isEqualTo("Hi é");
        assertThat(events).contains(new StreamEvent.Logprobs(0, expected.subList(0, 1)));
        byte[] bytes = sse.getBytes(StandardCharsets.UTF_8);
        for (int cut = 1; cut < bytes.length; cut++) {
            assertThat(read(bytes, List.of(cut)).logprobs()).as("cut at byte %d", cut).isEqualTo(expected);
        }
    }

    @Test
    void aWholeAnswerCarriesCallsChoicesAndLogprobs() throws Exception {
        String body = "{\"id\":\"c\",\"object\":\"chat.completion\",\"choices\":["
                + "{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null,\"tool_calls\":["
                + "{\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":" + json(WEATHER_ARGS) + "}},"
                + "{\"id\":\"call_2\",\"type\":\"function\",\"function\":{\"name\":\"get_time\",\"arguments\":{\"tz\":\"UTC\"}}}]},"
                + "\"logprobs\":null,\"finish_reason\":\"tool_calls\"},"
                + "{\"index\":1,\"message\":{\"role\":\"assistant\",\"content\":\"Sunny\",\"reasoning_content\":\"look\"},"
                + "\"logprobs\":{\"content\":[{\"token\":\"Sunny\",\"logprob\":-0.5,\"bytes\":[83,117,110,110,121],"
                + "\"top_logprobs\":[{\"token\":\"Sunny\",\"logprob\":-0.5}]}]},\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":7,\"total_tokens\":12}}";
        List<StreamEvent> events = new ArrayList<>();
        ResultCollector collector = new ResultCollector(events::add, System.nanoTime(), null);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        assertThat(new CompletionParser(200).parse(bytes, 0, bytes.length, collector)).isNull();
        ChatResult result = collector.result(false, false, null);
        assertThat(result.choices()).containsExactly(
                new Choice(0, "", "", "tool_calls", List.of(ToolCall.of("call_1", "get_weather", WEATHER_ARGS),
                        ToolCall.of("call_2", "get_time", "{\"tz\":\"UTC\"}")), List.of()),
                new Choice(1, "Sunny", "look", "stop", List.of(), List.of(new TokenLogprob("Sunny", -0.5,
                        List.of(83, 117, 110, 110, 121), List.of(new TokenLogprob.Top("Sunny", -0.5, null))))));
        assertThat(result.usage()).isEqualTo(new Usage(5, 7, 12, null, null));
    }

    @Test
    void argumentsAsAnObjectAreCopiedFromASliceOfALargerBuffer() throws Exception {
        byte[] buffer = ("xxxx{\"choices\":[{\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":{\"a\": \"ü\"}}}]}}]}yy")
                .getBytes(StandardCharsets.UTF_8);
        List<StreamEvent> events = new ArrayList<>();
        new CompletionParser(200).parse(buffer, 4, buffer.length - 6, events::add);
        assertThat(events).containsExactly(new StreamEvent.ToolCallPiece(0, 0, null, null, null, "{\"a\": \"ü\"}"));
    }

    private static List<Integer> everyByte(int length) {
        List<Integer> cuts = new ArrayList<>();
        for (int i = 1; i < length; i++) {
            cuts.add(i);
        }
        return cuts;
    }

    private static ChatResult read(String sse, List<StreamEvent> events) {
        return read(sse.getBytes(StandardCharsets.UTF_8), List.of(), events);
    }

    private static ChatResult read(byte[] bytes, List<Integer> cuts) {
        return read(bytes, cuts, new ArrayList<>());
    }

    /** The bytes fed in reads that end at each cut, as a network delivers them. */
    private static ChatResult read(byte[] bytes, List<Integer> cuts, List<StreamEvent> events) {
        ResultCollector collector = new ResultCollector(events::add, System.nanoTime(), null);
        StreamReader reader = new StreamReader(200, collector, null, ReadLimits.DEFAULT.sseLineBytes());
        int from = 0;
        List<Integer> ends = new ArrayList<>(cuts);
        ends.add(bytes.length);
        for (int end : ends) {
            reader.feed(Arrays.copyOfRange(bytes, from, end), end - from);
            from = end;
        }
        reader.finish();
        return collector.result(!reader.done(), false, reader.error());
    }
}
