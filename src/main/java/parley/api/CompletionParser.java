package parley.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads one streamed chunk ({@code chat.completion.chunk}) or one whole answer
 * ({@code chat.completion}) and reports it as {@link StreamEvent}s: reasoning, reply text, usage and
 * finish reason of the first choice, the other choices as {@link StreamEvent.ChoiceDelta}, tool calls
 * (streamed pieces or whole calls) as {@link StreamEvent.ToolCallPiece} and {@code logprobs.content[]}
 * as {@link StreamEvent.Logprobs}. Tolerates empty {@code choices}, chunks without {@code delta},
 * null {@code content} and unknown fields, in any order.
 *
 * <p>This is the hot path of a stream: Jackson's streaming parser reads the bytes in place, field
 * names are matched as the parser's canonical strings (no string is built for them), and values
 * not needed are skipped without being decoded. The whole text must be RFC 8259 JSON in strict UTF-8 (Jackson lets overlong forms
 * and encoded surrogates through, so the bytes are checked first); anything else is a
 * {@link MalformedException}, never half-read. A token count that is negative, fractional or beyond
 * an {@code int} is kept unknown (null), never clamped. One instance per stream; not thread-safe.
 */
public final class CompletionParser {
    static final int MAX_DEPTH = 256;
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build());
    private static final JsonFactory JSON = MAPPER.getFactory();
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final int httpStatus;
    private final CharsetDecoder strictUtf8 = StandardCharsets.UTF_8.newDecoder();
    private CharBuffer decoded = CharBuffer.allocate(1024);
    private String content;
    private String reasoning;
    private String reasoningAlt;
    private String finish;
    private Usage usage;
    private ApiError error;
    private int atlasCode;
    private String atlasMsg;
    private boolean sawChoice;
    private String choiceContent;
    private String choiceReasoning;
    private String choiceReasoningAlt;
    private List<StreamEvent.ToolCallPiece> choiceCalls;
    private List<TokenLogprob> choiceLogprobs;
    private List<StreamEvent.ToolCallPiece> calls;
    private List<TokenLogprob> logprobs;
    /** Events of the choices after the first, in the order read; null until one comes. */
    private List<StreamEvent> laterChoices;
    private byte[] input;
    private int inputOffset;

    /** @param httpStatus the status the answer came with, reported in errors found inside it */
    public CompletionParser(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    /** Thrown when the bytes are not one well-formed JSON object. */
    public static final class MalformedException extends Exception {
        public MalformedException(String message) {
            super(message);
        }
    }

    /**
     * Reports the events of one chunk or answer to {@code out}.
     *
     * @return the error the body carries ({@code {"error":…}} or Atlas Cloud's {@code {"code","msg"}}
     *         after HTTP 200), or null
     */
    public ApiError parse(byte[] bytes, int offset, int length, Consumer<StreamEvent> out) throws MalformedException {
        clear();
        input = bytes;
        inputOffset = offset;
        String problem = utf8Problem(bytes, offset, length);
        if (problem == null) {
            problem = read(bytes, offset, length);
        }
        if (problem != null) {
            throw new MalformedException("not valid JSON (" + problem + "): " + excerpt(bytes, offset, length));
        }
        input = null;
        emit(out);
        return error != null ? error : atlasError();
    }

    /** Whether the last object parsed had at least one choice. */
    public boolean sawChoice() {
        return sawChoice;
    }

    private void clear() {
        content = null;
        reasoning = null;
        reasoningAlt = null;
        finish = null;
        usage = null;
        error = null;
        atlasCode = 0;
        atlasMsg = null;
        sawChoice = false;
        calls = null;
        logprobs = null;
        if (laterChoices != null) {
            laterChoices.clear();
        }
    }

    /** Reads the object; null when it is well-formed, else what is wrong with it. */
    private String read(byte[] bytes, int offset, int length) {
        try (JsonParser p = JSON.createParser(bytes, offset, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return "expected a JSON object";
            }
            String name;
            while ((name = p.nextFieldName()) != null) {
                readTopMember(p, name);
            }
            return p.nextToken() == null ? null : "unexpected data after the JSON object";
        } catch (JsonProcessingException e) {
            return e.getOriginalMessage();
        } catch (IOException e) {
            return e.toString(); // a byte array cannot fail to be read; kept for the compiler
        }
    }

    private void readTopMember(JsonParser p, String name) throws IOException {
        switch (name) {
            case "choices" -> readChoices(p);
            case "usage" -> usage = readUsage(p);
            case "error" -> readError(p);
            case "code" -> atlasCode = readCode(p);
            case "msg" -> atlasMsg = stringOrNull(p);
            default -> skipValue(p);
        }
    }

    private void emit(Consumer<StreamEvent> out) {
        String thought = reasoning != null ? reasoning : reasoningAlt;
        if (thought != null && !thought.isEmpty()) {
            out.accept(new StreamEvent.Reasoning(thought));
        }
        if (content != null && !content.isEmpty()) {
            out.accept(new StreamEvent.Delta(content));
        }
        if (calls != null || logprobs != null || (laterChoices != null && !laterChoices.isEmpty())) {
            emitToolsAndOtherChoices(out);
        }
        if (usage != null) {
            out.accept(new StreamEvent.Usage(usage));
        }
        if (finish != null) {
            out.accept(new StreamEvent.Finish(finish));
        }
    }

    private void emitToolsAndOtherChoices(Consumer<StreamEvent> out) {
        if (calls != null) {
            calls.forEach(out);
        }
        if (logprobs != null) {
            out.accept(new StreamEvent.Logprobs(0, logprobs));
        }
        if (laterChoices != null) {
            laterChoices.forEach(out);
        }
    }

    private void readChoices(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == JsonToken.START_OBJECT) {
                readChoice(p);
            } else {
                p.skipChildren();
            }
        }
    }

    private void readChoice(JsonParser p) throws IOException {
        sawChoice = true;
        int index = 0;
        String choiceFinish = null;
        choiceContent = null;
        choiceReasoning = null;
        choiceReasoningAlt = null;
        choiceCalls = null;
        choiceLogprobs = null;
        String name;
        while ((name = p.nextFieldName()) != null) {
            switch (name) {
                case "delta", "message" -> readMessage(p);
                case "index" -> index = readIndex(p);
                case "finish_reason" -> choiceFinish = stringOrNull(p);
                case "logprobs" -> readLogprobs(p);
                default -> skipValue(p);
            }
        }
        if (index == 0) {
            content = choiceContent;
            reasoning = choiceReasoning;
            reasoningAlt = choiceReasoningAlt;
            finish = choiceFinish;
            calls = choiceCalls;
            logprobs = choiceLogprobs;
        } else if (index > 0) {
            keepLaterChoice(index, choiceFinish);
        }
    }

    private void readLogprobs(JsonParser p) throws IOException {
        List<TokenLogprob> tokens = LogprobReader.read(p);
        choiceLogprobs = tokens.isEmpty() ? null : tokens;
    }

    private void readToolCalls(JsonParser p) throws IOException {
        List<StreamEvent.ToolCallPiece> pieces = new ArrayList<>(1);
        new ToolCallReader(input, inputOffset).readArray(p, pieces);
        choiceCalls = pieces.isEmpty() ? null : pieces;
    }

    private void keepLaterChoice(int index, String choiceFinish) {
        if (laterChoices == null) {
            laterChoices = new ArrayList<>();
        }
        String thought = choiceReasoning != null ? choiceReasoning : choiceReasoningAlt;
        String text = choiceContent == null || choiceContent.isEmpty() ? null : choiceContent;
        thought = thought == null || thought.isEmpty() ? null : thought;
        if (text != null || thought != null || choiceFinish != null) {
            laterChoices.add(new StreamEvent.ChoiceDelta(index, text, thought, choiceFinish));
        }
        if (choiceCalls != null) {
            for (StreamEvent.ToolCallPiece piece : choiceCalls) {
                laterChoices.add(new StreamEvent.ToolCallPiece(index, piece.index(), piece.id(), piece.type(),
                        piece.name(), piece.arguments()));
            }
        }
        if (choiceLogprobs != null) {
            laterChoices.add(new StreamEvent.Logprobs(index, choiceLogprobs));
        }
    }

    private void readMessage(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        String name;
        while ((name = p.nextFieldName()) != null) {
            switch (name) {
                case "content" -> choiceContent = stringOrNull(p);
                case "reasoning_content" -> choiceReasoning = stringOrNull(p);
                case "reasoning" -> choiceReasoningAlt = stringOrNull(p);
                case "tool_calls" -> readToolCalls(p);
                default -> skipValue(p);
            }
        }
    }

    private Usage readUsage(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return null;
        }
        Integer prompt = null, completion = null, total = null, reasoningTokens = null, cached = null, cacheHit = null;
        String name;
        while ((name = p.nextFieldName()) != null) {
            switch (name) {
                case "prompt_tokens" -> prompt = count(p);
                case "completion_tokens" -> completion = count(p);
                case "total_tokens" -> total = count(p);
                case "prompt_cache_hit_tokens" -> cacheHit = count(p);
                case "prompt_tokens_details" -> cached = nestedCount(p, "cached_tokens");
                case "completion_tokens_details" -> reasoningTokens = nestedCount(p, "reasoning_tokens");
                default -> skipValue(p);
            }
        }
        return new Usage(prompt, completion, total, reasoningTokens, cached != null ? cached : cacheHit);
    }

    private Integer nestedCount(JsonParser p, String wanted) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return null;
        }
        Integer result = null;
        String name;
        while ((name = p.nextFieldName()) != null) {
            if (name.equals(wanted)) {
                result = count(p);
            } else {
                skipValue(p);
            }
        }
        return result;
    }

    /** A token count: a whole number from 0 to {@link Integer#MAX_VALUE}, else null (unknown). */
    private static Integer count(JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        if (t == JsonToken.VALUE_NUMBER_INT) {
            return p.getNumberType() == JsonParser.NumberType.INT && p.getIntValue() >= 0 ? p.getIntValue() : null;
        }
        if (t == JsonToken.VALUE_NUMBER_FLOAT) {
            double value = p.getDoubleValue();
            return value >= 0 && value <= Integer.MAX_VALUE && value == Math.rint(value) ? (int) value : null;
        }
        p.skipChildren();
        return null;
    }

    /** The choice's index: 0 when absent or null, -1 (not the first choice) when it is no {@code int}. */
    private static int readIndex(JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        if (t == JsonToken.VALUE_NULL) {
            return 0;
        }
        if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
            return p.getIntValue();
        }
        p.skipChildren();
        return -1;
    }

    /** Atlas Cloud's {@code code}, a number or a string of digits; 0 when it is neither. */
    private static int readCode(JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
            return p.getIntValue();
        }
        if (t == JsonToken.VALUE_STRING) {
            try {
                return Integer.parseInt(p.getText().strip());
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        p.skipChildren();
        return 0;
    }

    /** A string value, or null for JSON null; any other value is skipped and gives null. */
    private static String stringOrNull(JsonParser p) throws IOException {
        if (p.nextToken() == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        p.skipChildren();
        return null;
    }

    private static void skipValue(JsonParser p) throws IOException {
        p.nextToken();
        p.skipChildren();
    }

    /** An error object is rare: it is read as a tree and handed to the general error reader. */
    private void readError(JsonParser p) throws IOException {
        if (p.nextToken() == JsonToken.VALUE_NULL) {
            return;
        }
        JsonNode value = MAPPER.readTree(p);
        error = ErrorBodies.fromJson(MAPPER.createObjectNode().set("error", value), httpStatus, 0);
    }

    /**
     * Null when the bytes are strict UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing past
     * U+10FFFF), else where they are not. ASCII is passed over eight bytes at a time; from the first
     * other byte on, the JDK's decoder checks.
     */
    private String utf8Problem(byte[] bytes, int offset, int length) {
        int from = firstNonAscii(bytes, offset, offset + length);
        if (from < 0) {
            return null;
        }
        int rest = offset + length - from;
        if (decoded.capacity() < rest) {
            decoded = CharBuffer.allocate(Math.max(rest, decoded.capacity() * 2));
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, from, rest);
        CoderResult result = strictUtf8.reset().decode(in, decoded.clear(), true);
        if (result.isError()) {
            return "not UTF-8: byte 0x" + Integer.toHexString(bytes[in.position()] & 0xFF)
                    + " at offset " + (in.position() - offset);
        }
        return null;
    }

    /** The index of the first byte from 0x80 up in {@code [from, to)}, or -1. */
    private static int firstNonAscii(byte[] bytes, int from, int to) {
        int i = from;
        while (i + 8 <= to && ((long) LONGS.get(bytes, i) & 0x8080808080808080L) == 0) {
            i += 8;
        }
        for (; i < to; i++) {
            if (bytes[i] < 0) {
                return i;
            }
        }
        return -1;
    }

    /** Atlas Cloud's {@code {"code":…,"msg":…}} is an error when the code is 400 or more. */
    private ApiError atlasError() {
        if (atlasCode < 400 || atlasCode >= 600) {
            return null;
        }
        return new ApiError(ErrorBodies.kindOf(atlasCode), httpStatus, null,
                atlasMsg == null ? "error code " + atlasCode : atlasMsg);
    }

    private static String excerpt(byte[] bytes, int offset, int length) {
        return ErrorBodies.excerpt(new String(bytes, offset, Math.min(length, 400), StandardCharsets.UTF_8));
    }
}
