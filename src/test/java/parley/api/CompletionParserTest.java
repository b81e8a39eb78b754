package parley.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CompletionParserTest {

    static Stream<Arguments> chunks() {
        return Stream.of(
                Arguments.of("Azure's first chunk: empty choices",
                        "{\"choices\":[],\"prompt_filter_results\":[{\"prompt_index\":0,\"content_filter_results\":{}}]}",
                        List.of()),
                Arguments.of("a chunk without delta", "{\"choices\":[{\"index\":0,\"finish_reason\":null}]}", List.of()),
                Arguments.of("null content", "{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":null}}]}", List.of()),
                Arguments.of("empty content", "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"\"}}]}", List.of()),
                Arguments.of("content", "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\" Hi \"}}]}",
                        List.of(new StreamEvent.Delta(" Hi "))),
                Arguments.of("reasoning_content (DeepSeek, SGLang)",
                        "{\"choices\":[{\"delta\":{\"content\":null,\"reasoning_content\":\"think\"}}]}",
                        List.of(new StreamEvent.Reasoning("think"))),
                Arguments.of("reasoning (vLLM, OpenRouter)",
                        "{\"choices\":[{\"delta\":{\"reasoning\":\"think\",\"reasoning_details\":[{\"type\":\"x\"}]}}]}",
                        List.of(new StreamEvent.Reasoning("think"))),
                Arguments.of("both reasoning fields carry the same text once",
                        "{\"choices\":[{\"delta\":{\"reasoning\":\"t\",\"reasoning_content\":\"t\"}}]}",
                        List.of(new StreamEvent.Reasoning("t"))),
                Arguments.of("OpenAI's usage chunk with empty choices",
                        "{\"choices\":[],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":12,\"total_tokens\":21,"
                                + "\"prompt_tokens_details\":{\"cached_tokens\":4,\"audio_tokens\":0},"
                                + "\"completion_tokens_details\":{\"reasoning_tokens\":5}}}",
                        List.of(new StreamEvent.Usage(new Usage(9, 12, 21, 5, 4)))),
                Arguments.of("DeepSeek: usage on the last chunk that also has a choice",
                        "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"!\"},\"finish_reason\":\"stop\"}],"
                                + "\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":3,\"total_tokens\":13,"
                                + "\"prompt_cache_hit_tokens\":8,\"prompt_cache_miss_tokens\":2}}",
                        List.of(new StreamEvent.Delta("!"), new StreamEvent.Usage(new Usage(10, 3, 13, null, 8)),
                                new StreamEvent.Finish("stop"))),
                Arguments.of("usage: null", "{\"choices\":[],\"usage\":null}", List.of()),
                Arguments.of("a tool-call delta is a piece of call 0",
                        "{\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"c1\",\"type\":\"function\","
                                + "\"function\":{\"name\":\"f\",\"arguments\":\"{\\\"a\\\":\"}}]}}]}",
                        List.of(new StreamEvent.ToolCallPiece(0, 0, "c1", "function", "f", "{\"a\":"))),
                Arguments.of("finish reason tool_calls",
                        "{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}]}",
                        List.of(new StreamEvent.Finish("tool_calls"))),
                Arguments.of("content_filter", "{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"content_filter\"}]}",
                        List.of(new StreamEvent.Finish("content_filter"))),
                Arguments.of("field order does not matter",
                        "{\"usage\":{\"total_tokens\":2},\"choices\":[{\"finish_reason\":\"length\",\"delta\":{\"content\":\"x\"},\"index\":0}]}",
                        List.of(new StreamEvent.Delta("x"), new StreamEvent.Usage(new Usage(null, null, 2, null, null)),
                                new StreamEvent.Finish("length"))),
                Arguments.of("other choices than the first come as ChoiceDelta after it",
                        "{\"choices\":[{\"index\":1,\"delta\":{\"content\":\"b\"}},{\"index\":0,\"delta\":{\"content\":\"a\"}}]}",
                        List.of(new StreamEvent.Delta("a"), new StreamEvent.ChoiceDelta(1, "b", null, null))),
                Arguments.of("content given as parts is skipped",
                        "{\"choices\":[{\"index\":0,\"delta\":{\"content\":[{\"type\":\"text\",\"text\":\"x\"}]}}]}",
                        List.of()),
                Arguments.of("non-streaming message with reasoning",
                        "{\"id\":\"c\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                                + "\"content\":\"4\",\"reasoning_content\":\"2+2\"},\"finish_reason\":\"stop\"}],"
                                + "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":7,\"total_tokens\":12,"
                                + "\"completion_tokens_details\":{\"reasoning_tokens\":6}}}",
                        List.of(new StreamEvent.Reasoning("2+2"), new StreamEvent.Delta("4"),
                                new StreamEvent.Usage(new Usage(5, 7, 12, 6, null)), new StreamEvent.Finish("stop"))),
                Arguments.of("unknown fields and nesting are skipped; a token without a logprob keeps it unknown",
                        "{\"x\":{\"y\":[1,{\"z\":null}]},\"choices\":[{\"logprobs\":{\"content\":[{\"token\":\"a\"}]},\"delta\":{\"content\":\"a\"}}]}",
                        List.of(new StreamEvent.Delta("a"),
                                new StreamEvent.Logprobs(0, List.of(new TokenLogprob("a", Double.NaN, null, null))))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chunks")
    void readsChunk(String name, String json, List<StreamEvent> expected) throws Exception {
        List<StreamEvent> events = new ArrayList<>();
        ApiError error = parse(json, events);
        assertThat(error).isNull();
        assertThat(events).isEqualTo(expected);
    }

    @Test
    void anErrorObjectAfterStatus200IsReturned() throws Exception {
        List<StreamEvent> events = new ArrayList<>();
        ApiError error = parse("{\"error\":{\"message\":\"upstream overloaded\",\"type\":\"server_error\",\"code\":502}}", events);
        assertThat(error).isEqualTo(new ApiError(ApiError.Kind.SERVER, 200, "server_error", "upstream overloaded"));
        assertThat(events).isEmpty();
    }

    @Test
    void anErrorTypeDecidesTheKindWhenNoCodeIsGiven() throws Exception {
        ApiError error = parse("{\"error\":{\"message\":\"slow down\",\"type\":\"rate_limit_exceeded\"}}", new ArrayList<>());
        assertThat(error.kind()).isEqualTo(ApiError.Kind.RATE_LIMIT);
    }

    @Test
    void atlasCloudErrorInABody() throws Exception {
        ApiError error = parse("{\"code\":402,\"msg\":\"Insufficient balance\"}", new ArrayList<>());
        assertThat(error).isEqualTo(new ApiError(ApiError.Kind.PAYMENT, 200, null, "Insufficient balance"));
    }

    @Test
    void notJsonIsMalformed() {
        assertThatThrownBy(() -> parse("<html>oops</html>", new ArrayList<>()))
                .isInstanceOf(CompletionParser.MalformedException.class).hasMessageContaining("oops");
        assertThatThrownBy(() -> parse("{\"choices\":[{\"delta\":{\"content\":\"a", new ArrayList<>()))
                .isInstanceOf(CompletionParser.MalformedException.class);
        assertThatThrownBy(() -> parse("{\"a\":1} {\"b\":2}", new ArrayList<>()))
                .isInstanceOf(CompletionParser.MalformedException.class);
    }

    @Test
    void readsASliceOfALargerBuffer() throws Exception {
        byte[] buffer = "xx{\"choices\":[{\"delta\":{\"content\":\"ü\"}}]}yy".getBytes(StandardCharsets.UTF_8);
        List<StreamEvent> events = new ArrayList<>();
        new CompletionParser(200).parse(buffer, 2, buffer.length - 4, events::add);
        assertThat(events).containsExactly(new StreamEvent.Delta("ü"));
    }

    @Test
    void decodesEveryEscape() throws Exception {
        List<StreamEvent> events = new ArrayList<>();
        parse("{\"choices\":[{\"delta\":{\"content\":\"a\\\"b\\\\c\\/d\\n\\t\\r\\b\\f\\u00e9\\ud83d\\ude00 é\"}}]}", events);
        assertThat(events).containsExactly(new StreamEvent.Delta("a\"b\\c/d\n\t\r\b\fé\uD83D\uDE00 é"));
    }

    @Test
    void escapedFieldNamesStillMatch() throws Exception {
        List<StreamEvent> events = new ArrayList<>();
        parse("{\"choi\\u0063es\":[{\"delta\":{\"content\":\"x\"}}]}", events);
        assertThat(events).containsExactly(new StreamEvent.Delta("x"));
    }

    @Test
    void everyCutOfAChunkIsMalformedNeverHalfRead() {
        String chunk = "{\"id\":\"c\",\"created\":-1.5e3,\"ok\":true,\"no\":false,\"choices\":[{\"index\":0,"
                + "\"delta\":{\"content\":\"h\\u00e9 \\\"x\\\"\",\"tool_calls\":[{\"a\":[1,2,{}]}]},\"finish_reason\":null}],"
                + "\"usage\":{\"prompt_tokens\":1,\"prompt_tokens_details\":{\"cached_tokens\":0}}}";
        for (int cut = 0; cut < chunk.length(); cut++) {
            String prefix = chunk.substring(0, cut);
            assertThatThrownBy(() -> parse(prefix, new ArrayList<>())).as("cut at %d", cut)
                    .isInstanceOf(CompletionParser.MalformedException.class);
        }
    }

    @Test
    void brokenJsonIsMalformed() {
        for (String bad : List.of("", "[]", "{\"a\":tru}", "{\"a\":nul}", "{\"a\" 1}", "{\"a\":1,}", "{a:1}",
                "{\"a\":\"\\x\"}", "{\"a\":\"\\u12\"}", "{\"a\":-}", "{\"a\":1 \"b\":2}")) {
            assertThatThrownBy(() -> parse(bad, new ArrayList<>())).as(bad).isInstanceOf(CompletionParser.MalformedException.class);
        }
    }

    @Test
    void deepNestingIsMalformedNotAStackOverflow() {
        String deep = "{\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        assertThatThrownBy(() -> parse(deep, new ArrayList<>())).isInstanceOf(CompletionParser.MalformedException.class)
                .hasMessageContaining("nesting depth");
    }

    static Stream<Arguments> absurdCounts() {
        return Stream.of(
                Arguments.of("beyond 64 bits", "99999999999999999999999"),
                Arguments.of("beyond an int", "3000000000"),
                Arguments.of("negative", "-5"),
                Arguments.of("negative beyond 64 bits", "-99999999999999999999999"),
                Arguments.of("a fraction", "12.5"),
                Arguments.of("an exponent past a double", "1e400"),
                Arguments.of("a string", "\"12\""),
                Arguments.of("an object", "{\"n\":1}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("absurdCounts")
    void anAbsurdTokenCountStaysUnknownAndTheOthersAreKept(String name, String count) throws Exception {
        List<StreamEvent> events = new ArrayList<>();
        parse("{\"choices\":[],\"usage\":{\"prompt_tokens\":" + count + ",\"completion_tokens\":3,\"total_tokens\":"
                + count + ",\"prompt_tokens_details\":{\"cached_tokens\":" + count + "},"
                + "\"completion_tokens_details\":{\"reasoning_tokens\":" + count + "}}}", events);
        assertThat(events).containsExactly(new StreamEvent.Usage(new Usage(null, 3, null, null, null)));
    }

    @Test
    void aWholeNumberWrittenAsAFractionIsKept() throws Exception {
        List<StreamEvent> events = new ArrayList<>();
        parse("{\"usage\":{\"prompt_tokens\":12.0,\"completion_tokens\":1e2,\"total_tokens\":2147483647}}", events);
        assertThat(events).containsExactly(new StreamEvent.Usage(new Usage(12, 100, Integer.MAX_VALUE, null, null)));
    }

    @Test
    void hugeNumbersElsewhereAreSkippedOrKeepTheirMeaning() throws Exception {
        List<StreamEvent> events = new ArrayList<>();
        ApiError error = parse("{\"created\":123456789012345678901234567890,\"x\":-1e99999,"
                + "\"code\":99999999999999999999,\"choices\":[{\"index\":99999999999999999999,\"delta\":{\"content\":\"b\"}},"
                + "{\"index\":0,\"delta\":{\"content\":\"a\"}}]}", events);
        assertThat(error).as("a code beyond an int is no Atlas Cloud error").isNull();
        assertThat(events).as("an index beyond an int is not the first choice").containsExactly(new StreamEvent.Delta("a"));
    }

    @Test
    void aNumberLongerThanAnyRealOneIsMalformedNotAnException() {
        String digits = "9".repeat(5_000);
        assertThatThrownBy(() -> parse("{\"usage\":{\"prompt_tokens\":" + digits + "}}", new ArrayList<>()))
                .isInstanceOf(CompletionParser.MalformedException.class).hasMessageContaining("Number value length");
    }

    @Test
    void numbersOutsideTheGrammarAreMalformed() {
        for (String bad : List.of("1-2", "1e", "01", "1.", ".5", "+1", "--1", "1e+", "0x10", "NaN", "Infinity")) {
            assertThatThrownBy(() -> parse("{\"usage\":{\"prompt_tokens\":" + bad + "}}", new ArrayList<>()))
                    .as(bad).isInstanceOf(CompletionParser.MalformedException.class);
            assertThatThrownBy(() -> parse("{\"created\":" + bad + ",\"choices\":[]}", new ArrayList<>()))
                    .as("skipped: " + bad).isInstanceOf(CompletionParser.MalformedException.class);
        }
    }

    @Test
    void rawControlCharactersInStringsAreMalformed() {
        for (char c : new char[] {0x00, 0x01, '\n', '\r', '\t', 0x1F}) {
            String raw = "a" + c + "b";
            assertThatThrownBy(() -> parse("{\"choices\":[{\"delta\":{\"content\":\"" + raw + "\"}}]}", new ArrayList<>()))
                    .as("in the content: U+%04X", (int) c).isInstanceOf(CompletionParser.MalformedException.class)
                    .hasMessageContaining("CTRL-CHAR");
            assertThatThrownBy(() -> parse("{\"id\":\"" + raw + "\",\"choices\":[]}", new ArrayList<>()))
                    .as("in a skipped value: U+%04X", (int) c).isInstanceOf(CompletionParser.MalformedException.class);
            assertThatThrownBy(() -> parse("{\"" + raw + "\":1,\"choices\":[]}", new ArrayList<>()))
                    .as("in a field name: U+%04X", (int) c).isInstanceOf(CompletionParser.MalformedException.class);
        }
    }

    @Test
    void escapedControlCharactersAreContent() throws Exception {
        List<StreamEvent> events = new ArrayList<>();
        parse("{\"choices\":[{\"delta\":{\"content\":\"a\\u0000\\u001fb\"}}]}", events);
        assertThat(events).containsExactly(new StreamEvent.Delta("a\u0000\u001fb"));
    }

    static Stream<Arguments> invalidUtf8() {
        return Stream.of(
                Arguments.of("a lone continuation byte", new int[] {0x80}),
                Arguments.of("a byte never used", new int[] {0xFF}),
                Arguments.of("a cut two-byte form", new int[] {0xC3}),
                Arguments.of("a two-byte form without its second byte", new int[] {0xC3, 0x28}),
                Arguments.of("an overlong NUL", new int[] {0xC0, 0x80}),
                Arguments.of("an overlong slash", new int[] {0xE0, 0x80, 0xAF}),
                Arguments.of("an encoded surrogate", new int[] {0xED, 0xA0, 0x80}),
                Arguments.of("past U+10FFFF", new int[] {0xF4, 0x90, 0x80, 0x80}),
                Arguments.of("a five-byte form", new int[] {0xF8, 0x88, 0x80, 0x80, 0x80}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidUtf8")
    void invalidUtf8IsMalformedWhereverItIs(String name, int[] bad) {
        for (String field : List.of("content", "role")) {
            byte[] chunk = withBytes("{\"choices\":[{\"delta\":{\"" + field + "\":\"x", bad, "y\"}}]}");
            assertThatThrownBy(() -> new CompletionParser(200).parse(chunk, 0, chunk.length, e -> {}))
                    .as(field).isInstanceOf(CompletionParser.MalformedException.class).hasMessageContaining("not UTF-8");
        }
    }

    @Test
    void everyCharacterOfUnicodeSurvives() throws Exception {
        String text = "é 世界 \uD83D\uDE00 \u007F \uFFFD \uDBFF\uDFFF";
        List<StreamEvent> events = new ArrayList<>();
        parse("{\"choices\":[{\"delta\":{\"content\":\"" + text + "\"}}]}", events);
        assertThat(events).containsExactly(new StreamEvent.Delta(text));
    }

    private static byte[] withBytes(String before, int[] middle, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        for (int b : middle) {
            out.write(b);
        }
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static ApiError parse(String json, List<StreamEvent> events) throws CompletionParser.MalformedException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return new CompletionParser(200).parse(bytes, 0, bytes.length, events::add);
    }
}
