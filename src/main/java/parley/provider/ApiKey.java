package parley.provider;

/**
 * A provider's key and where it came from. {@link #toString()} never shows the key, so it cannot
 * leak through a log line or an error message by accident.
 */
public record ApiKey(String value, String source) {
    public ApiKey {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an API key cannot be empty");
        }
    }

    @Override
    public String toString() {
        return "ApiKey[from " + source + "]";
    }
}
