package parley.capability;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One line of the capability table: for a provider ({@code *}: any) and the models whose id matches
 * a pattern ({@code *} matches any run of characters, case-insensitive), what they do with some
 * parameters. A pattern ending in {@code +thinking} matches only while the request turns thinking on.
 */
record CapabilityRow(String provider, Pattern model, boolean thinkingOnly, List<String> parameters, Support support) {
    static final String ANY = "*";
    static final String THINKING = "+thinking";

    CapabilityRow {
        parameters = List.copyOf(parameters);
    }

    /** A row whose model pattern is written with {@code *} wildcards. */
    static CapabilityRow of(String provider, String modelPattern, List<String> parameters, Support support) {
        boolean thinkingOnly = modelPattern.endsWith(THINKING);
        String glob = thinkingOnly ? modelPattern.substring(0, modelPattern.length() - THINKING.length()) : modelPattern;
        List<String> parts = List.of(glob.toLowerCase(Locale.ROOT).split("\\*", -1));
        return new CapabilityRow(provider, Pattern.compile(String.join(".*", parts.stream().map(Pattern::quote).toList())),
                thinkingOnly, parameters, support);
    }

    boolean matches(String providerId, String modelId, boolean thinking) {
        return (provider.equals(ANY) || provider.equalsIgnoreCase(providerId))
                && (thinking || !thinkingOnly)
                && model.matcher(modelId == null ? "" : modelId.toLowerCase(Locale.ROOT)).matches();
    }
}
