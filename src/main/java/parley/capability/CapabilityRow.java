package parley.capability;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One line of the capability table: for a provider ({@code *}: any) and the models whose id matches
 * a pattern ({@code *} matches any run of characters, case-insensitive), what they do with some
 * parameters.
 */
record CapabilityRow(String provider, String modelPattern, List<String> parameters, Support support) {
    static final String ANY = "*";

    CapabilityRow {
        parameters = List.copyOf(parameters);
    }

    boolean matches(String providerId, String model) {
        return (provider.equals(ANY) || provider.equalsIgnoreCase(providerId))
                && glob(modelPattern).matcher(model == null ? "" : model.toLowerCase(Locale.ROOT)).matches();
    }

    private static Pattern glob(String pattern) {
        List<String> parts = List.of(pattern.toLowerCase(Locale.ROOT).split("\\*", -1));
        return Pattern.compile(String.join(".*", parts.stream().map(Pattern::quote).toList()));
    }
}
