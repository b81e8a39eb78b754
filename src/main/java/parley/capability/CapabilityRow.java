package parley.capability;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One line of the capability table: for a provider ({@code *}: any) and the models whose id matches
 * a pattern ({@code *} matches any run of characters, case-insensitive), what they do with some
 * parameters.
 */
record CapabilityRow(String provider, Pattern model, List<String> parameters, Support support) {
    static final String ANY = "*";

    CapabilityRow {
        parameters = List.copyOf(parameters);
    }

    /** A row whose model pattern is written with {@code *} wildcards. */
    static CapabilityRow of(String provider, String modelPattern, List<String> parameters, Support support) {
        List<String> parts = List.of(modelPattern.toLowerCase(Locale.ROOT).split("\\*", -1));
        return new CapabilityRow(provider, Pattern.compile(String.join(".*", parts.stream().map(Pattern::quote).toList())),
                parameters, support);
    }

    boolean matches(String providerId, String modelId) {
        return (provider.equals(ANY) || provider.equalsIgnoreCase(providerId))
                && model.matcher(modelId == null ? "" : modelId.toLowerCase(Locale.ROOT)).matches();
    }
}
