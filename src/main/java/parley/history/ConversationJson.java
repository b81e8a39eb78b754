package parley.history;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import parley.api.Usage;

/**
 * A conversation exported as JSON (every message with its model, parameters and usage, its tool
 * calls or the call it answers, its log-probabilities and choices, and the total usage) and read back. The file holds no key: nothing in a conversation is one.
 */
public final class ConversationJson {
    public static final String FORMAT = "parley.conversation";
    public static final int VERSION = 1;
    private static final Set<String> ROLES = Set.of("system", "user", "assistant", "tool");

    private ConversationJson() {}

    /** The file's top level: what it is, and the conversation. */
    public record ConversationFile(String format, int version, SavedConversation conversation, Usage totalUsage) {}

    public static String write(SavedConversation conversation) {
        try {
            return FileJson.MAPPER.writeValueAsString(
                    new ConversationFile(FORMAT, VERSION, conversation, totalUsage(conversation.messages())));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the conversation as JSON: " + FileJson.reason(e), e);
        }
    }

    public static void write(SavedConversation conversation, Path file) throws IOException {
        Files.writeString(file, write(conversation), StandardCharsets.UTF_8);
    }

    /** Reads an export; {@code name} is how the file is named in a message. */
    public static SavedConversation read(String json, String name) {
        ConversationFile file;
        try {
            file = FileJson.MAPPER.readValue(json, ConversationFile.class);
        } catch (IOException e) {
            throw new FileFormatException(name + " is not a readable conversation export (" + FileJson.reason(e)
                    + "): choose a file made with Export as JSON.", e);
        }
        if (file == null || !FORMAT.equals(file.format()) || file.conversation() == null) {
            throw new FileFormatException(name + " is not a Parley conversation export (it lacks \"format\": \""
                    + FORMAT + "\"): choose a file made with Export as JSON.");
        }
        if (file.version() > VERSION) {
            throw new FileFormatException(name + " was written by a newer Parley (format version "
                    + file.version() + "): update Parley to import it.");
        }
        check(file.conversation(), name);
        return file.conversation();
    }

    public static SavedConversation read(Path file) throws IOException {
        return read(Files.readString(file, StandardCharsets.UTF_8), file.getFileName().toString());
    }

    /** The sum of every reply's usage; null counts where no reply reported one. */
    public static Usage totalUsage(List<SavedMessage> messages) {
        Integer prompt = null, completion = null, total = null, reasoning = null, cached = null;
        for (SavedMessage m : messages) {
            Usage u = m.usage();
            if (u == null) {
                continue;
            }
            prompt = add(prompt, u.promptTokens());
            completion = add(completion, u.completionTokens());
            total = add(total, u.totalTokens());
            reasoning = add(reasoning, u.reasoningTokens());
            cached = add(cached, u.cachedTokens());
        }
        return prompt == null && completion == null && total == null ? null
                : new Usage(prompt, completion, total, reasoning, cached);
    }

    private static Integer add(Integer sum, Integer value) {
        if (value == null) {
            return sum;
        }
        return sum == null ? value : Integer.valueOf(sum + value);
    }

    private static void check(SavedConversation conversation, String name) {
        int index = 0;
        for (SavedMessage m : conversation.messages()) {
            index++;
            if (m == null || m.role() == null || !ROLES.contains(m.role())) {
                throw new FileFormatException(name + ": message " + index + " has no valid role (system, user,"
                        + " assistant or tool): fix the \"role\" of that message.");
            }
        }
    }
}
