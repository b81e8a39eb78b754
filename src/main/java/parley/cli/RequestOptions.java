package parley.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import parley.api.ChatMessage;
import parley.api.ChatRequest;
import parley.api.RequestValidator;
import parley.chat.ChatSettings;
import parley.provider.ProviderProfile;
import picocli.CommandLine.Option;

/**
 * The request options of {@code send} (and of the commands that reproduce a request). A parameter
 * that is not given is left out of the request, so the server's own default applies.
 */
public final class RequestOptions {
    @Option(names = "--model", paramLabel = "ID", description = "the model (default: the provider's default model)")
    String model;

    @Option(names = "--system", paramLabel = "TEXT", description = "a system prompt")
    String system;

    @Option(names = "--message", paramLabel = "TEXT", description = "the user message")
    String message;

    @Option(names = "--message-file", paramLabel = "FILE", description = "read the user message from a file (- for standard input)")
    String messageFile;

    @Option(names = "--max-tokens", paramLabel = "N", description = "at least 1")
    Integer maxTokens;

    @Option(names = "--temperature", paramLabel = "X", description = "0 to 2")
    Double temperature;

    @Option(names = "--top-p", paramLabel = "X", description = "0 to 1")
    Double topP;

    @Option(names = "--frequency-penalty", paramLabel = "X", description = "-2 to 2")
    Double frequencyPenalty;

    @Option(names = "--presence-penalty", paramLabel = "X", description = "-2 to 2")
    Double presencePenalty;

    @Option(names = "--stop", paramLabel = "S", description = "a stop sequence; up to 4")
    List<String> stop;

    @Option(names = "--stream", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "stream the reply as it is generated (default) or wait for it whole (--no-stream)")
    boolean stream;

    @Option(names = "--include-usage", description = "ask for token usage at the end of a stream (stream_options.include_usage)")
    boolean includeUsage;

    /** The settings of the request for this profile; BadInput when no model can be chosen. */
    public ChatSettings settings(ProviderProfile profile) {
        return settings(profile, profile.defaultModel());
    }

    /** The settings with {@code defaultModel} where --model is not given (the built-in engine's file name). */
    public ChatSettings settings(ProviderProfile profile, String defaultModel) {
        String chosen = model != null ? model : defaultModel;
        if (chosen == null || chosen.isBlank()) {
            throw new BadInput("--model is required for " + profile.name() + ": run 'parley models' to see its models.");
        }
        String baseUrl = profile.id().equals(parley.provider.Providers.CUSTOM_ID) ? profile.baseUrl() : null;
        return new ChatSettings(profile.id(), baseUrl, chosen, system, maxTokens, temperature, topP,
                frequencyPenalty, presencePenalty, stop, stream, includeUsage, Map.of());
    }

    /** The request these options describe for the profile, as it would be posted; BadInput when out of bounds. */
    public ChatRequest request(ProviderProfile profile) {
        return checked(settings(profile), message());
    }

    /** The wire request of the settings with one user message; BadInput when a value is out of bounds. */
    static ChatRequest checked(ChatSettings settings, String message) {
        ChatRequest wire = settings.toRequest(List.of(ChatMessage.user(message)));
        List<String> problems = RequestValidator.problems(wire);
        if (!problems.isEmpty()) {
            throw new BadInput(String.join("; ", problems));
        }
        return wire;
    }

    /** The user message from --message or --message-file; BadInput when missing, empty or unreadable. */
    public String message() {
        if (message != null && messageFile != null) {
            throw new BadInput("Give --message or --message-file, not both.");
        }
        String text = messageFile != null ? readFile(messageFile) : message;
        if (text == null) {
            throw new BadInput("No message: pass --message TEXT or --message-file FILE.");
        }
        if (text.isBlank()) {
            throw new BadInput("The message is empty: pass some text with --message or --message-file.");
        }
        return text;
    }

    private static String readFile(String name) {
        try {
            if (name.equals("-")) {
                return new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
            }
            return Files.readString(Path.of(name), StandardCharsets.UTF_8);
        } catch (IOException | InvalidPathException e) {
            String reason = e instanceof java.nio.file.NoSuchFileException ? "no such file"
                    : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : e instanceof java.nio.charset.MalformedInputException ? "not UTF-8 text"
                    : e.getMessage();
            throw new BadInput("Cannot read --message-file " + name + " (" + reason + "): give a readable UTF-8 text file.");
        }
    }
}
