package parley.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a choice's {@code logprobs} object: its {@code content[]} of tokens, each with
 * {@code token}, {@code logprob}, {@code bytes} and {@code top_logprobs}. A token without a numeric
 * log-probability keeps {@link Double#NaN} (unknown) rather than being dropped.
 */
final class LogprobReader {
    private LogprobReader() {}

    /** The tokens of {@code logprobs.content}; empty when there are none (null, or no content). */
    static List<TokenLogprob> read(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return List.of();
        }
        List<TokenLogprob> tokens = List.of();
        String name;
        while ((name = p.nextFieldName()) != null) {
            if (name.equals("content")) {
                tokens = readTokens(p);
            } else {
                skipValue(p);
            }
        }
        return tokens;
    }

    private static List<TokenLogprob> readTokens(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return List.of();
        }
        List<TokenLogprob> tokens = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == JsonToken.START_OBJECT) {
                tokens.add(readToken(p));
            } else {
                p.skipChildren();
            }
        }
        return tokens;
    }

    private static TokenLogprob readToken(JsonParser p) throws IOException {
        String token = null;
        double logprob = Double.NaN;
        List<Integer> bytes = null;
        List<TokenLogprob.Top> top = null;
        String name;
        while ((name = p.nextFieldName()) != null) {
            switch (name) {
                case "token" -> token = text(p);
                case "logprob" -> logprob = number(p);
                case "bytes" -> bytes = readBytes(p);
                case "top_logprobs" -> top = readTops(p);
                default -> skipValue(p);
            }
        }
        return new TokenLogprob(token, logprob, bytes, top);
    }

    private static List<TokenLogprob.Top> readTops(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return null;
        }
        List<TokenLogprob.Top> tops = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == JsonToken.START_OBJECT) {
                tops.add(readTop(p));
            } else {
                p.skipChildren();
            }
        }
        return tops;
    }

    private static TokenLogprob.Top readTop(JsonParser p) throws IOException {
        String token = null;
        double logprob = Double.NaN;
        List<Integer> bytes = null;
        String name;
        while ((name = p.nextFieldName()) != null) {
            switch (name) {
                case "token" -> token = text(p);
                case "logprob" -> logprob = number(p);
                case "bytes" -> bytes = readBytes(p);
                default -> skipValue(p);
            }
        }
        return new TokenLogprob.Top(token, logprob, bytes);
    }

    /** The token's UTF-8 bytes; null when absent or not an array of small whole numbers. */
    private static List<Integer> readBytes(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return null;
        }
        List<Integer> bytes = new ArrayList<>();
        boolean valid = true;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT
                    && p.getIntValue() >= 0 && p.getIntValue() <= 255) {
                bytes.add(p.getIntValue());
            } else {
                valid = false;
                p.skipChildren();
            }
        }
        return valid ? bytes : null;
    }

    private static double number(JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            return p.getDoubleValue();
        }
        p.skipChildren();
        return Double.NaN;
    }

    private static String text(JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        if (t == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        p.skipChildren();
        return null;
    }

    private static void skipValue(JsonParser p) throws IOException {
        p.nextToken();
        p.skipChildren();
    }
}
