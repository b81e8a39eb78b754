package parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SseDecoderTest {
    record Ev(String event, String data) {}

    static Ev ev(String data) {
        return new Ev(null, data);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("one space after the colon is dropped", "data: a\n\n", List.of(ev("a"))),
                Arguments.of("no space after the colon", "data:a\n\n", List.of(ev("a"))),
                Arguments.of("only one space is dropped", "data:  a\n\n", List.of(ev(" a"))),
                Arguments.of("trailing spaces are content", "data: a \t\n\n", List.of(ev("a \t"))),
                Arguments.of("CRLF", "data: a\r\n\r\n", List.of(ev("a"))),
                Arguments.of("CR", "data: a\r\r", List.of(ev("a"))),
                Arguments.of("mixed line ends", "data: a\r\ndata: b\rdata: c\n\r\n", List.of(ev("a\nb\nc"))),
                Arguments.of("comments are skipped", ": OPENROUTER PROCESSING\n\n: keep-alive\ndata: a\n\n", List.of(ev("a"))),
                Arguments.of("multi-line data joined with LF", "data: a\ndata: b\n\n", List.of(ev("a\nb"))),
                Arguments.of("event name", "event: error\ndata: {\"x\":1}\n\n", List.of(new Ev("error", "{\"x\":1}"))),
                Arguments.of("event name is reset after dispatch", "event: error\ndata: x\n\ndata: y\n\n",
                        List.of(new Ev("error", "x"), ev("y"))),
                Arguments.of("field without colon has an empty value", "data\n\n", List.of(ev(""))),
                Arguments.of("empty data line", "data:\n\n", List.of(ev(""))),
                Arguments.of("blank lines alone dispatch nothing", "\n\n\r\n", List.of()),
                Arguments.of("an event without data dispatches nothing", "event: ping\n\n", List.of()),
                Arguments.of("id and retry are ignored", "id: 7\nretry: 100\ndata: a\n\n", List.of(ev("a"))),
                Arguments.of("unknown fields are ignored", "foo: bar\ndata: a\n\n", List.of(ev("a"))),
                Arguments.of("field names are case-sensitive", "Data: a\n\n", List.of()),
                Arguments.of("a space before the colon makes another field", "data : a\n\n", List.of()),
                Arguments.of("leading byte-order mark", "\uFEFFdata: a\n\n", List.of(ev("a"))),
                Arguments.of("two events", "data: a\n\ndata: b\n\n", List.of(ev("a"), ev("b"))),
                Arguments.of("multi-byte characters", "data: é日本🙂\n\n", List.of(ev("é日本🙂"))),
                Arguments.of("colon inside the value", "data: {\"a\":\"b:c\"}\n\n", List.of(ev("{\"a\":\"b:c\"}"))),
                Arguments.of("done marker", "data: [DONE]\n\n", List.of(ev("[DONE]"))),
                Arguments.of("last event without blank line is still delivered", "data: a\n", List.of(ev("a"))),
                Arguments.of("an unfinished last line is dropped", "data: a\n\ndata: {\"cut", List.of(ev("a"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decodesWholeInput(String name, String input, List<Ev> expected) {
        assertThat(decode(List.of(utf8(input)))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decodesTheSameWhenSplitAtEveryByte(String name, String input, List<Ev> expected) {
        byte[] bytes = utf8(input);
        for (int split = 0; split <= bytes.length; split++) {
            List<byte[]> pieces = List.of(slice(bytes, 0, split), slice(bytes, split, bytes.length));
            assertThat(decode(pieces)).as("split at %d", split).isEqualTo(expected);
        }
        List<byte[]> single = new ArrayList<>();
        for (int i = 0; i < bytes.length; i++) {
            single.add(slice(bytes, i, i + 1));
        }
        assertThat(decode(single)).as("one byte at a time").isEqualTo(expected);
    }

    @Test
    void tapSeesEveryRawLine() {
        List<String> lines = new ArrayList<>();
        SseDecoder decoder = new SseDecoder((e, d, o, l) -> {}, lines::add);
        decoder.feed(utf8(": hi\r\ndata: a\r\n\r\ndata: é\n\n"));
        decoder.finish();
        assertThat(lines).containsExactly(": hi", "data: a", "", "data: é", "");
    }

    @Test
    void finishReportsADroppedLine() {
        SseDecoder decoder = new SseDecoder((e, d, o, l) -> {});
        decoder.feed(utf8("data: {\"cut"));
        assertThat(decoder.finish()).isTrue();
        SseDecoder clean = new SseDecoder((e, d, o, l) -> {});
        clean.feed(utf8("data: a\n\n"));
        assertThat(clean.finish()).isFalse();
    }

    @Test
    void longLinesGrowTheBuffers() {
        String big = "x".repeat(100_000);
        assertThat(decode(List.of(utf8("data: " + big.substring(0, 500)), utf8(big.substring(500) + "\n\n"))))
                .containsExactly(ev(big));
    }

    private static List<Ev> decode(List<byte[]> pieces) {
        List<Ev> out = new ArrayList<>();
        SseDecoder decoder = new SseDecoder((event, data, off, len) ->
                out.add(new Ev(event, new String(data, off, len, StandardCharsets.UTF_8))));
        for (byte[] piece : pieces) {
            decoder.feed(piece, 0, piece.length);
        }
        decoder.finish();
        return out;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] slice(byte[] b, int from, int to) {
        return java.util.Arrays.copyOfRange(b, from, to);
    }
}
