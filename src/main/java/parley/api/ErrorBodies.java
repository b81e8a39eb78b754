package parley.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.regex.Pattern;

/**
 * Turns what a server sends about a failure into an {@link ApiError}: OpenAI's
 * {@code {"error":{"message","type","code"}}}, Atlas Cloud's {@code {"code":401,"msg":"…"}},
 * {@code {"detail":…}} and {@code {"message":…}} bodies, and HTML or plain-text pages (status and a
 * short excerpt with the tags stripped).
 */
public final class ErrorBodies {
    static final int EXCERPT_LENGTH = 200;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SCRIPT_OR_STYLE = Pattern.compile("(?is)<(script|style)\\b.*?</\\1\\s*>");
    private static final Pattern COMMENT = Pattern.compile("(?s)<!--.*?-->");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private ErrorBodies() {}

    /** The kind of failure an HTTP status stands for. */
    public static ApiError.Kind kindOf(int status) {
        return switch (status) {
            case 401, 403 -> ApiError.Kind.AUTHENTICATION;
            case 402 -> ApiError.Kind.PAYMENT;
            case 404 -> ApiError.Kind.NOT_FOUND;
            case 408 -> ApiError.Kind.TIMEOUT;
            case 429 -> ApiError.Kind.RATE_LIMIT;
            default -> status >= 500 ? ApiError.Kind.SERVER : ApiError.Kind.BAD_REQUEST;
        };
    }

    /** The error a non-2xx answer stands for, with the provider's own message where it sent one. */
    public static ApiError fromResponse(int status, String body) {
        JsonNode tree = parseJson(body);
        if (tree != null) {
            ApiError error = fromJson(tree, status, status);
            if (error != null) {
                return error;
            }
        }
        return new ApiError(kindOf(status), status, null, describeText(status, body));
    }

    /**
     * The error described by a JSON object, or null when it describes none. {@code status} is the
     * HTTP status reported with it; {@code fallbackCode} decides the kind when the body has no code.
     */
    public static ApiError fromJson(JsonNode tree, int status, int fallbackCode) {
        if (tree == null || !tree.isObject()) {
            return null;
        }
        JsonNode error = tree.get("error");
        if (error != null && error.isObject()) {
            return fromErrorObject(error, status, fallbackCode);
        }
        if (error != null && error.isTextual()) {
            return new ApiError(kindFor(codeOf(tree.get("code")), null, fallbackCode), status,
                    textOrNull(tree.get("type")), error.asText());
        }
        JsonNode msg = firstText(tree, "msg", "message", "detail");
        int code = codeOf(tree.get("code"));
        if (msg != null && (code >= 400 || fallbackCode >= 400)) {
            return new ApiError(kindFor(code, null, fallbackCode), status, textOrNull(tree.get("type")), msg.asText());
        }
        JsonNode detail = tree.get("detail");
        if (detail != null && !detail.isNull() && fallbackCode >= 400) {
            return new ApiError(kindOf(fallbackCode), status, null, detail.toString());
        }
        return null;
    }

    private static ApiError fromErrorObject(JsonNode error, int status, int fallbackCode) {
        String type = textOrNull(error.get("type"));
        int code = codeOf(error.get("code"));
        String message = textOrNull(error.get("message"));
        if (message == null) {
            message = textOrNull(error.get("msg"));
        }
        if (message == null) {
            message = error.toString();
        }
        if (type == null && error.hasNonNull("code") && error.get("code").isTextual()) {
            type = error.get("code").asText();
        }
        String param = error.path("param").isTextual() ? error.get("param").asText() : null;
        return new ApiError(kindFor(code, type, fallbackCode), status, type, message, 0, param);
    }

    private static ApiError.Kind kindFor(int code, String type, int fallbackCode) {
        if (code >= 400 && code < 600) {
            return kindOf(code);
        }
        if (fallbackCode >= 400) {
            return kindOf(fallbackCode);
        }
        String t = type == null ? "" : type.toLowerCase();
        if (t.contains("rate_limit")) return ApiError.Kind.RATE_LIMIT;
        if (t.contains("auth") || t.contains("permission")) return ApiError.Kind.AUTHENTICATION;
        if (t.contains("quota") || t.contains("balance") || t.contains("billing")) return ApiError.Kind.PAYMENT;
        if (t.contains("invalid_request") || t.contains("context")) return ApiError.Kind.BAD_REQUEST;
        return ApiError.Kind.SERVER;
    }

    /** "HTTP 502: " and a short excerpt of the page with its tags stripped. */
    static String describeText(int status, String body) {
        String excerpt = excerpt(body);
        String prefix = "HTTP " + status;
        return excerpt.isEmpty() ? prefix + " with an empty body" : prefix + ": " + excerpt;
    }

    /** The first {@value #EXCERPT_LENGTH} characters of the text, HTML tags stripped, spaces collapsed. */
    public static String excerpt(String body) {
        if (body == null) {
            return "";
        }
        String text = body;
        if (text.indexOf('<') >= 0) {
            text = SCRIPT_OR_STYLE.matcher(text).replaceAll(" ");
            text = COMMENT.matcher(text).replaceAll(" ");
            text = TAG.matcher(text).replaceAll(" ");
            text = text.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">")
                    .replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
        }
        text = SPACE.matcher(text).replaceAll(" ").strip();
        return text.length() <= EXCERPT_LENGTH ? text : text.substring(0, EXCERPT_LENGTH) + "…";
    }

    static JsonNode parseJson(String body) {
        if (body == null) {
            return null;
        }
        String s = body.strip();
        if (!s.startsWith("{")) {
            return null;
        }
        try {
            return JSON.readTree(s);
        } catch (Exception e) {
            return null;
        }
    }

    private static int codeOf(JsonNode code) {
        if (code == null) {
            return 0;
        }
        if (code.isInt()) {
            return code.asInt();
        }
        if (code.isTextual()) {
            try {
                return Integer.parseInt(code.asText().strip());
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }

    private static JsonNode firstText(JsonNode tree, String... names) {
        for (String name : names) {
            JsonNode node = tree.get(name);
            if (node != null && node.isTextual() && !node.asText().isEmpty()) {
                return node;
            }
        }
        return null;
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
