package parley.capability;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import parley.api.ApiError;

/**
 * Finds the optional request parameter a 400 answer names as its cause: OpenAI's {@code error.param},
 * or the wording of the message ("Unrecognized request argument supplied: seed", "Unsupported
 * parameter: 'temperature' is not supported with this model", DeepSeek's "deepseek-reasoner does not
 * support the parameter `logprobs`" and "… does not support Json Output"). A parameter that cannot be
 * left out ({@code model}, {@code messages}) or that is not known is never named. Pure.
 */
public final class RefusedParameter {
    private static final String NAME = "[`'\"]?([A-Za-z_][A-Za-z0-9_.\\[\\]]*)[`'\"]?";
    private static final List<Pattern> WORDINGS = List.of(
            Pattern.compile("(?i)unrecognized request arguments? supplied:\\s*" + NAME),
            Pattern.compile("(?i)unsupported (?:parameter|value):\\s*" + NAME),
            Pattern.compile("(?i)does not support (?:the )?(?:parameter|argument|field)s?\\s*" + NAME),
            Pattern.compile("(?i)(?:parameter|argument|field)\\s+" + NAME + "\\s+is not (?:supported|allowed|permitted)"),
            Pattern.compile("(?i)" + NAME + "\\s+is not (?:supported|allowed|permitted) (?:with|for|by|on) (?:this|the) model"),
            Pattern.compile("(?i)(?:extra|unknown) (?:inputs?|fields?|parameters?|arguments?)[^:]*:\\s*" + NAME));
    private static final Pattern JSON_OUTPUT = Pattern.compile("(?i)does not support json output");

    private RefusedParameter() {}

    /** The parameter (a {@link Parameters} name) that {@code error} says the server refused, if it names one. */
    public static Optional<String> in(ApiError error) {
        if (error == null || error.kind() != ApiError.Kind.BAD_REQUEST) {
            return Optional.empty();
        }
        Optional<String> param = normalize(error.param());
        if (param.isPresent()) {
            return param;
        }
        String message = error.message() == null ? "" : error.message();
        for (Pattern wording : WORDINGS) {
            Matcher m = wording.matcher(message);
            if (m.find()) {
                Optional<String> named = normalize(m.group(1));
                if (named.isPresent()) {
                    return named;
                }
            }
        }
        return JSON_OUTPUT.matcher(message).find() ? Optional.of(Parameters.RESPONSE_FORMAT) : Optional.empty();
    }

    /** {@code tools[0].function} → {@code tools}; {@code response_format.type} → {@code response_format}. */
    private static Optional<String> normalize(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String name = raw.strip().toLowerCase(Locale.ROOT).split("[.\\[]", 2)[0];
        if (name.equals("max_completion_tokens")) {
            return Optional.empty();
        }
        return Parameters.known(name) ? Optional.of(name) : Optional.empty();
    }
}
