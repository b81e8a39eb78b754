package parley.history;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import parley.api.Usage;

/**
 * A conversation exported as JSON (every message with its model, parameters and usage, its tool
 * calls or the call it answers, its log-probabilities and choices, and the total usage), or many in
 * one file ({@link #FORMAT_ALL}), and read back. The file holds no key: nothing in a conversation is one.
 */
public final class ConversationJson {
    public static final String FORMAT = "parley.conversation";
    public static final String FORMAT_ALL = "parley.conversations";
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

    /** A source of conversations read one at a time, so a whole history is never held at once. */
    public interface Conversations {
        List<String> ids();

        SavedConversation load(String id);
    }

    /**
     * Writes many conversations as one file, {@code {"format": "parley.conversations", "version": 1,
     * "conversations": [...]}}, holding one of them in memory at a time. Returns how many were written.
     */
    public static int writeAll(Conversations conversations, Writer out) throws IOException {
        int written = 0;
        try (JsonGenerator g = FileJson.MAPPER.writer().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("format", FORMAT_ALL);
            g.writeNumberField("version", VERSION);
            g.writeArrayFieldStart("conversations");
            for (String id : conversations.ids()) {
                SavedConversation conversation = conversations.load(id);
                if (conversation != null) {
                    g.writeObject(conversation);
                    written++;
                }
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return written;
    }

    /**
     * Reads an export of one conversation or of many; {@code name} is how the file is named in a
     * message. Every conversation is checked before any is returned.
     */
    public static List<SavedConversation> readAll(String json, String name) {
        JsonNode tree;
        try {
            tree = FileJson.MAPPER.readTree(json);
        } catch (IOException e) {
            throw unreadable(name, e);
        }
        String format = tree != null && tree.hasNonNull("format") ? tree.get("format").asText() : "";
        if (format.equals(FORMAT)) {
            return List.of(read(json, name));
        }
        if (!format.equals(FORMAT_ALL) || !tree.path("conversations").isArray()) {
            throw new FileFormatException(name + " is not a Parley conversation export (it lacks \"format\": \""
                    + FORMAT + "\" or \"" + FORMAT_ALL + "\"): choose a file made with Export.");
        }
        checkVersion(tree.path("version").asInt(0), name);
        List<SavedConversation> out = new ArrayList<>();
        for (JsonNode node : tree.get("conversations")) {
            SavedConversation conversation;
            try {
                conversation = FileJson.MAPPER.treeToValue(node, SavedConversation.class);
            } catch (IOException e) {
                throw unreadable(name + " (conversation " + (out.size() + 1) + ")", e);
            }
            if (conversation == null) {
                throw new FileFormatException(name + ": conversation " + (out.size() + 1) + " is empty: remove it.");
            }
            check(conversation, name + " (conversation " + (out.size() + 1) + ")");
            out.add(conversation);
        }
        return out;
    }

    /** Reads an export of one conversation or of many, of at most {@code maxBytes}. */
    public static List<SavedConversation> readAll(Path file, long maxBytes) throws IOException {
        return readAll(FileLimit.readText(file, maxBytes), file.getFileName().toString());
    }

    private static FileFormatException unreadable(String name, IOException e) {
        return new FileFormatException(name + " is not a readable conversation export (" + FileJson.reason(e)
                + "): choose a file made with Export as JSON.", e);
    }

    /** Reads an export; {@code name} is how the file is named in a message. */
    public static SavedConversation read(String json, String name) {
        ConversationFile file;
        try {
            file = FileJson.MAPPER.readValue(json, ConversationFile.class);
        } catch (IOException e) {
            throw unreadable(name, e);
        }
        if (file == null || !FORMAT.equals(file.format()) || file.conversation() == null) {
            throw new FileFormatException(name + " is not a Parley conversation export (it lacks \"format\": \""
                    + FORMAT + "\"): choose a file made with Export as JSON.");
        }
        checkVersion(file.version(), name);
        check(file.conversation(), name);
        return file.conversation();
    }

    /** Reads an export of one conversation, of at most {@link FileLimit#DEFAULT_BYTES}. */
    public static SavedConversation read(Path file) throws IOException {
        return read(FileLimit.readText(file, FileLimit.DEFAULT_BYTES), file.getFileName().toString());
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

    private static void checkVersion(int version, String name) {
        if (version > VERSION) {
            throw new FileFormatException(name + " was written by a newer Parley (format version "
                    + version + "): update Parley to import it.");
        }
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
