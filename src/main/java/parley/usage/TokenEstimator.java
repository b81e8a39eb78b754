package parley.usage;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import parley.api.ChatMessage;

/**
 * Counts tokens when the provider does not. Uses the o200k_base encoding shipped inside jtokkit;
 * other models' tokenizers differ, so every count made here is an estimate and is marked as one.
 */
public final class TokenEstimator {
    /** Tokens the chat format adds around each message and to prime the reply (OpenAI's published rule). */
    private static final int PER_MESSAGE = 3;
    private static final int REPLY_PRIMING = 3;

    /**
     * The encoding, its tables read at the first count (a few hundred ms): an estimator that never
     * counts, as in a command that records a reply whose usage the provider reported, costs nothing.
     */
    private static final class Tables {
        static final Encoding ENCODING = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
    }

    /** Loads the encoding's tables now (a few hundred ms), e.g. on a background thread at start-up. */
    public static void load() {
        Tables.ENCODING.getName();
    }

    /**
     * Counts are remembered, short texts' too: a conversation of 2,000 messages is counted once, not at
     * every send (looking a text up costs a fraction of counting it, even for a role's name).
     */
    private static final int REMEMBERED_TEXTS = 20_000;
    private static final Map<String, Integer> COUNTS = new ConcurrentHashMap<>();

    public int count(String text) {
        if (text == null || text.isEmpty()) return 0;
        Integer known = COUNTS.get(text);
        if (known != null) return known;
        int counted = Tables.ENCODING.countTokensOrdinary(text);
        if (COUNTS.size() >= REMEMBERED_TEXTS) COUNTS.clear(); // a crude bound: start over rather than grow
        COUNTS.put(text, counted);
        return counted;
    }

    /** The prompt tokens of these messages as a chat request. */
    public int countPrompt(List<ChatMessage> messages) {
        int total = REPLY_PRIMING;
        for (ChatMessage message : messages) {
            total += PER_MESSAGE + count(message.role()) + count(message.content());
        }
        return total;
    }
}
