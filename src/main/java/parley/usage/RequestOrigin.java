package parley.usage;

/**
 * Who a request was sent to and from where: the provider's id, whether it runs on this computer,
 * the conversation and reply message it belongs to (null for the CLI) and {@link LedgerEntry#WINDOW} or {@link LedgerEntry#CLI}.
 */
public record RequestOrigin(String provider, boolean local, String conversationId, String messageId, String origin) {
    /** A request from the command line: no conversation, no message. */
    public static RequestOrigin cli(String provider, boolean local) {
        return new RequestOrigin(provider, local, null, null, LedgerEntry.CLI);
    }
}
