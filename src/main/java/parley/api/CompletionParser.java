package parley.api;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Reads one streamed chunk ({@code chat.completion.chunk}) or one whole answer
 * ({@code chat.completion}) and reports it as {@link StreamEvent}s: reasoning, reply text, usage and
 * finish reason of the first choice. Tolerates empty {@code choices}, chunks without {@code delta},
 * null {@code content}, tool-call deltas and unknown fields, in any order. This is the hot path of a
 * stream, so it reads the bytes with {@link JsonCursor} and skips what it does not need.
 * One instance per stream; not thread-safe.
 */
public final class CompletionParser {
    private static final byte[] CHOICES = ascii("choices");
    private static final byte[] USAGE = ascii("usage");
    private static final byte[] ERROR = ascii("error");
    private static final byte[] CODE = ascii("code");
    private static final byte[] MSG = ascii("msg");
    private static final byte[] INDEX = ascii("index");
    private static final byte[] FINISH_REASON = ascii("finish_reason");
    private static final byte[] DELTA = ascii("delta");
    private static final byte[] MESSAGE = ascii("message");
    private static final byte[] CONTENT = ascii("content");
    private static final byte[] REASONING_CONTENT = ascii("reasoning_content");
    private static final byte[] REASONING = ascii("reasoning");
    private static final byte[] PROMPT_TOKENS = ascii("prompt_tokens");
    private static final byte[] COMPLETION_TOKENS = ascii("completion_tokens");
    private static final byte[] TOTAL_TOKENS = ascii("total_tokens");
    private static final byte[] PROMPT_CACHE_HIT_TOKENS = ascii("prompt_cache_hit_tokens");
    private static final byte[] PROMPT_TOKENS_DETAILS = ascii("prompt_tokens_details");
    private static final byte[] COMPLETION_TOKENS_DETAILS = ascii("completion_tokens_details");
    private static final byte[] CACHED_TOKENS = ascii("cached_tokens");
    private static final byte[] REASONING_TOKENS = ascii("reasoning_tokens");

    private final int httpStatus;
    private final JsonCursor json = new JsonCursor();
    private String content;
    private String reasoning;
    private String reasoningAlt;
    private String finish;
    private Usage usage;
    private ApiError error;
    private int atlasCode;
    private String atlasMsg;
    private boolean sawChoice;

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
        json.reset(bytes, offset, length);
        try {
            json.expect('{');
            boolean first = true;
            while (json.nextMember(first)) {
                first = false;
                readTopMember(bytes);
            }
            if (!json.atEnd()) {
                throw new JsonCursor.Malformed("unexpected data after the JSON object");
            }
        } catch (JsonCursor.Malformed e) {
            throw new MalformedException("not valid JSON (" + e.getMessage() + "): " + excerpt(bytes, offset, length));
        }
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
    }

    private void readTopMember(byte[] bytes) throws JsonCursor.Malformed {
        if (json.nameIs(CHOICES)) {
            readChoices();
        } else if (json.nameIs(USAGE)) {
            usage = json.peek() == '{' ? readUsage() : skipToNull();
        } else if (json.nameIs(ERROR)) {
            readError(bytes);
        } else if (json.nameIs(CODE)) {
            Integer code = json.peek() == '"' ? parseIntOrNull(json.stringOrNull()) : json.intOrNull();
            atlasCode = code == null ? 0 : code;
        } else if (json.nameIs(MSG)) {
            atlasMsg = json.stringOrNull();
        } else {
            json.skipValue();
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
        if (usage != null) {
            out.accept(new StreamEvent.Usage(usage));
        }
        if (finish != null) {
            out.accept(new StreamEvent.Finish(finish));
        }
    }

    private void readChoices() throws JsonCursor.Malformed {
        if (json.peek() != '[') {
            json.skipValue();
            return;
        }
        json.expect('[');
        boolean first = true;
        while (json.nextElement(first)) {
            first = false;
            if (json.peek() == '{') {
                readChoice();
            } else {
                json.skipValue();
            }
        }
    }

    private void readChoice() throws JsonCursor.Malformed {
        sawChoice = true;
        int index = 0;
        String choiceContent = null;
        String choiceReasoning = null;
        String choiceReasoningAlt = null;
        String choiceFinish = null;
        json.expect('{');
        boolean first = true;
        while (json.nextMember(first)) {
            first = false;
            if (json.nameIs(DELTA) || json.nameIs(MESSAGE)) {
                if (json.peek() != '{') {
                    json.skipValue();
                    continue;
                }
                json.expect('{');
                boolean firstField = true;
                while (json.nextMember(firstField)) {
                    firstField = false;
                    if (json.nameIs(CONTENT)) {
                        choiceContent = json.stringOrNull();
                    } else if (json.nameIs(REASONING_CONTENT)) {
                        choiceReasoning = json.stringOrNull();
                    } else if (json.nameIs(REASONING)) {
                        choiceReasoningAlt = json.stringOrNull();
                    } else {
                        json.skipValue();
                    }
                }
            } else if (json.nameIs(INDEX)) {
                Integer i = json.intOrNull();
                index = i == null ? 0 : i;
            } else if (json.nameIs(FINISH_REASON)) {
                choiceFinish = json.stringOrNull();
            } else {
                json.skipValue();
            }
        }
        if (index == 0) {
            content = choiceContent;
            reasoning = choiceReasoning;
            reasoningAlt = choiceReasoningAlt;
            finish = choiceFinish;
        }
    }

    private Usage readUsage() throws JsonCursor.Malformed {
        Integer prompt = null, completion = null, total = null, reasoningTokens = null, cached = null, cacheHit = null;
        json.expect('{');
        boolean first = true;
        while (json.nextMember(first)) {
            first = false;
            if (json.nameIs(PROMPT_TOKENS)) {
                prompt = json.intOrNull();
            } else if (json.nameIs(COMPLETION_TOKENS)) {
                completion = json.intOrNull();
            } else if (json.nameIs(TOTAL_TOKENS)) {
                total = json.intOrNull();
            } else if (json.nameIs(PROMPT_CACHE_HIT_TOKENS)) {
                cacheHit = json.intOrNull();
            } else if (json.nameIs(PROMPT_TOKENS_DETAILS)) {
                cached = nestedInt(CACHED_TOKENS);
            } else if (json.nameIs(COMPLETION_TOKENS_DETAILS)) {
                reasoningTokens = nestedInt(REASONING_TOKENS);
            } else {
                json.skipValue();
            }
        }
        return new Usage(prompt, completion, total, reasoningTokens, cached != null ? cached : cacheHit);
    }

    private Integer nestedInt(byte[] wanted) throws JsonCursor.Malformed {
        if (json.peek() != '{') {
            json.skipValue();
            return null;
        }
        json.expect('{');
        Integer result = null;
        boolean first = true;
        while (json.nextMember(first)) {
            first = false;
            if (json.nameIs(wanted)) {
                result = json.intOrNull();
            } else {
                json.skipValue();
            }
        }
        return result;
    }

    /** An error object is rare: its bytes are handed to the general error reader. */
    private void readError(byte[] bytes) throws JsonCursor.Malformed {
        if (json.skipNull()) {
            return;
        }
        int start = json.skipValue();
        String value = new String(bytes, start, json.position() - start, StandardCharsets.UTF_8);
        error = ErrorBodies.fromJson(ErrorBodies.parseJson("{\"error\":" + value + "}"), httpStatus, 0);
    }

    private Usage skipToNull() throws JsonCursor.Malformed {
        json.skipValue();
        return null;
    }

    /** Atlas Cloud's {@code {"code":…,"msg":…}} is an error when the code is 400 or more. */
    private ApiError atlasError() {
        if (atlasCode < 400 || atlasCode >= 600) {
            return null;
        }
        return new ApiError(ErrorBodies.kindOf(atlasCode), httpStatus, null,
                atlasMsg == null ? "error code " + atlasCode : atlasMsg);
    }

    private static Integer parseIntOrNull(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String excerpt(byte[] bytes, int offset, int length) {
        return ErrorBodies.excerpt(new String(bytes, offset, Math.min(length, 400), StandardCharsets.UTF_8));
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
