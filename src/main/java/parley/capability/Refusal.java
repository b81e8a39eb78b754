package parley.capability;

/**
 * "Model {@code model} of provider {@code provider} refuses {@code parameter}", learned from a 400.
 * {@code provider} is a provider id, or {@code custom:} and the base URL for a server added by its URL.
 */
public record Refusal(String provider, String model, String parameter, String reason, long learnedAtMillis) {}
