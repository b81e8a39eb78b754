package parley.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * Reads one streamed chunk ({@code chat.completion.chunk}) or one whole answer
 * ({@code chat.completion}) and reports it as {@link StreamEvent}s: reasoning, reply text, usage and
 * finish reason of the first choice. Tolerates empty {@code choices}, chunks without {@code delta},
 * null {@code content}, tool-call deltas and unknown fields. Reads the bytes with Jackson's streaming
 * parser and skips what it does not need: this is the hot path of a stream.
 * One instance per stream; not thread-safe.
 */
public final class CompletionParser {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory FACTORY = JSON.getFactory();

    private final int httpStatus;
    private String content;
    private String reasoning;
    private String reasoningAlt;
    private String finish;
    private int atlasCode;
    private boolean sawChoice;
    private String atlasMsg;

    /** @param httpStatus the status the answer came with, reported in errors found inside it */
    public CompletionParser(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    /** Thrown when the bytes are not a JSON object. */
    public static final class MalformedException extends Exception {
        public MalformedException(String message) {
            super(message);
        }
    }

    /**
     * Reports the events of one chunk or answer to {@code out}.
     *
     * @return the error the body carries ({@code {"error":…}} after HTTP 200), or null
     */
    public ApiError parse(byte[] bytes, int offset, int length, Consumer<StreamEvent> out) throws MalformedException {
        content = null;
        reasoning = null;
        reasoningAlt = null;
        finish = null;
        atlasCode = 0;
        atlasMsg = null;
        sawChoice = false;
        Usage usage = null;
        ApiError error = null;
        try (JsonParser p = FACTORY.createParser(bytes, offset, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedException("expected a JSON object, got: " + excerpt(bytes, offset, length));
            }
            String name;
            while ((name = p.nextFieldName()) != null) {
                JsonToken token = p.nextToken();
                switch (name) {
                    case "choices" -> readChoices(p, token);
                    case "usage" -> usage = token == JsonToken.START_OBJECT ? readUsage(p) : skip(p);
                    case "error" -> error = readError(p, token);
                    case "code", "msg" -> readAtlasField(name, p, token);
                    default -> p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                throw new MalformedException("unexpected data after the JSON object: " + excerpt(bytes, offset, length));
            }
        } catch (IOException e) {
            throw new MalformedException("not valid JSON (" + firstLine(e.getMessage()) + "): " + excerpt(bytes, offset, length));
        }
        emit(usage, out);
        return error != null ? error : atlasError();
    }

    private void emit(Usage usage, Consumer<StreamEvent> out) {
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

    private void readChoices(JsonParser p, JsonToken token) throws IOException {
        if (token != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
            if (token == JsonToken.START_OBJECT) {
                readChoice(p);
            } else {
                p.skipChildren();
            }
        }
    }

    /** Whether the last object parsed had at least one choice. */
    public boolean sawChoice() {
        return sawChoice;
    }

    private void readChoice(JsonParser p) throws IOException {
        sawChoice = true;
        int index = 0;
        String choiceContent = null;
        String choiceReasoning = null;
        String choiceReasoningAlt = null;
        String choiceFinish = null;
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken token = p.nextToken();
            switch (name) {
                case "index" -> index = token == JsonToken.VALUE_NUMBER_INT ? p.getIntValue() : 0;
                case "finish_reason" -> choiceFinish = token == JsonToken.VALUE_STRING ? p.getText() : skipText(p);
                case "delta", "message" -> {
                    if (token != JsonToken.START_OBJECT) {
                        p.skipChildren();
                        continue;
                    }
                    String field;
                    while ((field = p.nextFieldName()) != null) {
                        JsonToken value = p.nextToken();
                        switch (field) {
                            case "content" -> choiceContent = textOrSkip(p, value);
                            case "reasoning_content" -> choiceReasoning = textOrSkip(p, value);
                            case "reasoning" -> choiceReasoningAlt = textOrSkip(p, value);
                            default -> p.skipChildren();
                        }
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (index == 0) {
            content = choiceContent;
            reasoning = choiceReasoning;
            reasoningAlt = choiceReasoningAlt;
            finish = choiceFinish;
        }
    }

    private static Usage readUsage(JsonParser p) throws IOException {
        Integer prompt = null, completion = null, total = null, reasoningTokens = null, cached = null, cacheHit = null;
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken token = p.nextToken();
            switch (name) {
                case "prompt_tokens" -> prompt = intOrSkip(p, token);
                case "completion_tokens" -> completion = intOrSkip(p, token);
                case "total_tokens" -> total = intOrSkip(p, token);
                case "prompt_cache_hit_tokens" -> cacheHit = intOrSkip(p, token);
                case "prompt_tokens_details" -> cached = nestedInt(p, token, "cached_tokens");
                case "completion_tokens_details" -> reasoningTokens = nestedInt(p, token, "reasoning_tokens");
                default -> p.skipChildren();
            }
        }
        return new Usage(prompt, completion, total, reasoningTokens, cached != null ? cached : cacheHit);
    }

    private static Integer nestedInt(JsonParser p, JsonToken token, String wanted) throws IOException {
        if (token != JsonToken.START_OBJECT) {
            p.skipChildren();
            return null;
        }
        Integer result = null;
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken value = p.nextToken();
            if (name.equals(wanted)) {
                result = intOrSkip(p, value);
            } else {
                p.skipChildren();
            }
        }
        return result;
    }

    private ApiError readError(JsonParser p, JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        JsonNode node = JSON.readTree(p);
        ObjectNode wrapper = JSON.createObjectNode();
        wrapper.set("error", node);
        return ErrorBodies.fromJson(wrapper, httpStatus, 0);
    }

    private void readAtlasField(String name, JsonParser p, JsonToken token) throws IOException {
        if (name.equals("code")) {
            atlasCode = switch (token) {
                case VALUE_NUMBER_INT -> p.getIntValue();
                case VALUE_STRING -> parseIntOrZero(p.getText());
                default -> 0;
            };
        } else if (token == JsonToken.VALUE_STRING) {
            atlasMsg = p.getText();
        }
        p.skipChildren();
    }

    /** Atlas Cloud's {@code {"code":…,"msg":…}} is an error when the code is 400 or more. */
    private ApiError atlasError() {
        if (atlasCode < 400 || atlasCode >= 600) {
            return null;
        }
        return new ApiError(ErrorBodies.kindOf(atlasCode), httpStatus, null,
                atlasMsg == null ? "error code " + atlasCode : atlasMsg);
    }

    private static int parseIntOrZero(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String textOrSkip(JsonParser p, JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        p.skipChildren();
        return null;
    }

    private static String skipText(JsonParser p) throws IOException {
        p.skipChildren();
        return null;
    }

    private static Integer intOrSkip(JsonParser p, JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_NUMBER_INT) {
            return p.getIntValue();
        }
        if (token == JsonToken.VALUE_NUMBER_FLOAT) {
            return (int) p.getDoubleValue();
        }
        p.skipChildren();
        return null;
    }

    private static Usage skip(JsonParser p) throws IOException {
        p.skipChildren();
        return null;
    }

    private static String excerpt(byte[] bytes, int offset, int length) {
        return ErrorBodies.excerpt(new String(bytes, offset, Math.min(length, 400), StandardCharsets.UTF_8));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "parse error";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
