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
import parley.api.ExtendedParameters;
import parley.api.RequestValidator;
import parley.api.ToolChoice;
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

    @Option(names = "--seed", paramLabel = "N", description = "a seed for reproducible sampling")
    Long seed;

    @Option(names = "--n", paramLabel = "N", description = "how many replies to generate (1 to 128)")
    Integer n;

    @Option(names = "--logprobs", description = "ask for the log-probability of each token")
    boolean logprobs;

    @Option(names = "--top-logprobs", paramLabel = "N", description = "with --logprobs: the N most likely alternatives of each token (0 to 20)")
    Integer topLogprobs;

    @Option(names = "--response-format", paramLabel = "text|json_object|FILE.json",
            description = "the reply's format; a file holds the json_schema object {\"name\", \"schema\", \"strict\"}")
    String responseFormat;

    @Option(names = "--tools", paramLabel = "FILE.json", description = "the tools the model may call: the API's tools array")
    String tools;

    @Option(names = "--tool-choice", paramLabel = "auto|none|required|NAME", description = "whether and which tool the model must call")
    String toolChoice;

    @Option(names = "--reasoning-effort", paramLabel = "LEVEL", description = "minimal, low, medium or high")
    String reasoningEffort;

    @Option(names = "--extra", paramLabel = "JSON", description = "a JSON object whose fields are merged into the request body last")
    String extra;

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
                frequencyPenalty, presencePenalty, stop, stream, includeUsage,
                extra == null ? Map.of() : JsonOptions.extra(extra), extended());
    }

    /** The extended parameters given; files named by the options are read here. */
    ExtendedParameters extended() {
        return new ExtendedParameters(seed, n, logprobs ? Boolean.TRUE : null, topLogprobs,
                responseFormat == null ? null : JsonOptions.responseFormat(responseFormat),
                tools == null ? null : JsonOptions.tools(tools),
                toolChoice == null ? null : ToolChoice.parse(toolChoice),
                null, null, reasoningEffort);
    }

    /** The request these options describe for the profile, as it would be posted; BadInput when out of bounds. */
    public ChatRequest request(ProviderProfile profile) {
        return checked(settings(profile), message());
    }

    /** The wire request of the settings with one user message; BadInput when a value is out of bounds. */
    static ChatRequest checked(ChatSettings settings, String message) {
        return checked(settings.toRequest(List.of(ChatMessage.user(message))));
    }

    /** The wire request itself; BadInput when a value is out of bounds. */
    static ChatRequest checked(ChatRequest wire) {
        List<String> problems = RequestValidator.problems(wire);
        if (!problems.isEmpty()) {
            throw new BadInput(String.join("; ", problems));
        }
        return wire;
    }

    /** The user message when --message or --message-file is given, else null; BadInput when empty or unreadable. */
    String messageIfGiven() {
        return message == null && messageFile == null ? null : message();
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
