package parley.usage;

/**
 * Who a request was sent to and from where: the provider's id, the base URL of a custom server (null
 * for a built-in provider), the conversation and reply message it belongs to (null for the CLI) and
 * {@link LedgerEntry#WINDOW} or {@link LedgerEntry#CLI}. Whether the server is local, and so free, is
 * the price book's to decide.
 */
public record RequestOrigin(String provider, String baseUrl, String conversationId, String messageId, String origin) {
    /** A request from the command line: no conversation, no message. */
    public static RequestOrigin cli(String provider, String baseUrl) {
        return new RequestOrigin(provider, baseUrl, null, null, LedgerEntry.CLI);
    }

    /** A cell of an experiment, or its judge's request: no conversation, no message. */
    public static RequestOrigin experiment(String provider, String baseUrl) {
        return new RequestOrigin(provider, baseUrl, null, null, LedgerEntry.EXPERIMENT);
    }
}
