package parley.history;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import parley.api.ChatMessage;
import parley.api.ChatRequest;

/**
 * An experiment to share and replay, saved as {@code NAME.parley.json}: the provider (its id, and its
 * base URL for a provider the receiver may not have), the model, the request parameters (the extended
 * ones too: tools, response_format, seed, …), the system prompt and the messages as they go on the wire
 * (tool calls, tool results, reasoning sent back). It never holds a key: the receiver uses their own.
 */
public record SessionFile(String format, int version, String provider, String baseUrl, String model,
                          Map<String, Object> parameters, String systemPrompt, List<ChatMessage> messages) {
    public static final String FORMAT = "parley.session";
    public static final int VERSION = 1;
    public static final String EXTENSION = ".parley.json";
    private static final Set<String> ROLES = Set.of("user", "assistant", "tool");

    public SessionFile {
        parameters = parameters == null ? Map.of() : RequestParameters.copy(parameters);
        systemPrompt = systemPrompt == null ? "" : systemPrompt;
        messages = messages == null ? List.of() : List.copyOf(messages);
    }

    public static SessionFile of(String provider, String baseUrl, ChatRequest request, String systemPrompt,
                                 List<ChatMessage> messages) {
        return new SessionFile(FORMAT, VERSION, provider, baseUrl, request.model(), RequestParameters.of(request),
                systemPrompt, messages);
    }

    /** The request this session replays: system prompt first (when there is one), then the messages. */
    public ChatRequest toRequest() {
        List<ChatMessage> all = new ArrayList<>();
        if (!systemPrompt.isEmpty()) {
            all.add(ChatMessage.system(systemPrompt));
        }
        all.addAll(messages);
        return RequestParameters.toRequest(model, all, parameters);
    }

    public String toJson() {
        try {
            return FileJson.MAPPER.writeValueAsString(this);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the session as JSON: " + FileJson.reason(e), e);
        }
    }

    public void write(Path file) throws IOException {
        Files.writeString(file, toJson(), StandardCharsets.UTF_8);
    }

    /** True for a name that ends in {@code .parley.json}. */
    public static boolean isSessionFileName(Path file) {
        return file.getFileName() != null && file.getFileName().toString().toLowerCase().endsWith(EXTENSION);
    }

    public static SessionFile read(Path file) {
        return read(file, FileLimit.DEFAULT_BYTES);
    }

    /** Reads a session file of at most {@code maxBytes}; a larger one is refused before it is read. */
    public static SessionFile read(Path file, long maxBytes) {
        String name = String.valueOf(file.getFileName());
        String json;
        try {
            json = FileLimit.readText(file, maxBytes);
        } catch (IOException e) {
            throw new FileFormatException("Cannot read " + file + " (" + FileJson.reason(e)
                    + "): check that the file exists and that you may read it.", e);
        }
        return parse(json, name);
    }

    /** Reads a session from its JSON; {@code name} is how the file is named in a message. */
    public static SessionFile parse(String json, String name) {
        SessionFile session;
        try {
            session = FileJson.MAPPER.readValue(json, SessionFile.class);
        } catch (IOException e) {
            throw new FileFormatException(name + " is not a readable session file (" + FileJson.reason(e)
                    + "): choose a .parley.json file saved by Parley.", e);
        }
        if (session == null || !FORMAT.equals(session.format())) {
            throw new FileFormatException(name + " is not a Parley session (it lacks \"format\": \"" + FORMAT
                    + "\"): choose a .parley.json file saved by Parley.");
        }
        if (session.version() > VERSION) {
            throw new FileFormatException(name + " was written by a newer Parley (format version "
                    + session.version() + "): update Parley to open it.");
        }
        if (session.model() == null || session.model().isBlank()) {
            throw new FileFormatException(name + " names no model: add \"model\": \"…\" to the file.");
        }
        for (int i = 0; i < session.messages().size(); i++) {
            ChatMessage m = session.messages().get(i);
            if (m == null || !ROLES.contains(m.role()) || (m.content() == null && m.toolCalls() == null)) {
                throw new FileFormatException(name + ": message " + (i + 1) + " needs a \"role\" (user, assistant or"
                        + " tool) and a \"content\": fix that message.");
            }
            if (ChatMessage.TOOL.equals(m.role()) && (m.toolCallId() == null || m.toolCallId().isBlank())) {
                throw new FileFormatException(name + ": message " + (i + 1) + " is a tool result without a"
                        + " \"tool_call_id\": add the id of the call it answers.");
            }
        }
        try {
            session.toRequest();
        } catch (IllegalArgumentException e) {
            throw new FileFormatException(name + ": " + e.getMessage(), e);
        }
        return session;
    }
}
