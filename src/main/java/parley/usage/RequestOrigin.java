package parley.usage;

/**
 * Who a request was sent to and from where: the provider's id, whether it runs on this computer,
 * the conversation it belongs to (null for the CLI) and {@link LedgerEntry#WINDOW} or {@link LedgerEntry#CLI}.
 */
public record RequestOrigin(String provider, boolean local, String conversationId, String origin) {}
