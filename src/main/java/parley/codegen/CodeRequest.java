package parley.codegen;

import java.net.URI;
import java.util.Objects;
import java.util.regex.Pattern;
import parley.api.ChatRequest;

/**
 * What a snippet reproduces: where the request goes ({@code baseUrl}, e.g.
 * {@code https://api.atlascloud.ai/v1}), the environment variable that holds the key (null when the
 * server needs none) and the request itself. The key's value never appears here.
 */
public record CodeRequest(String baseUrl, String keyEnv, ChatRequest request) {
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public CodeRequest {
        Objects.requireNonNull(request, "request");
        baseUrl = checkedBaseUrl(baseUrl);
        keyEnv = keyEnv == null || keyEnv.isBlank() ? null : keyEnv.strip();
        if (keyEnv != null && !ENV_NAME.matcher(keyEnv).matches()) {
            throw new IllegalArgumentException("'" + keyEnv + "' is not an environment variable name:"
                    + " use letters, digits and _ only, not starting with a digit");
        }
    }

    /** The URL the request is posted to. */
    public String endpoint() { return baseUrl + "/chat/completions"; }

    public boolean hasKey() { return keyEnv != null; }

    /** What a snippet prints, and stops with, when the key's variable is unset or empty. */
    String missingKeyMessage() {
        return "Set the environment variable " + keyEnv + " to your API key.";
    }

    public boolean streaming() { return request.streaming(); }

    private static String checkedBaseUrl(String url) {
        String value = url == null ? "" : url.strip();
        while (value.endsWith("/")) {
            value = value.substring(0, value.length() - 1);
        }
        if (!value.startsWith("http://") && !value.startsWith("https://")) {
            throw new IllegalArgumentException("the base URL '" + value + "' must start with http:// or https://,"
                    + " e.g. https://api.atlascloud.ai/v1");
        }
        try {
            URI uri = URI.create(value);
            if (uri.getHost() == null) {
                throw new IllegalArgumentException("the base URL '" + value + "' has no host name");
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the base URL '" + value + "' is not a valid URL");
        }
        return value;
    }
}
