package parley.team;

import java.util.Optional;
import java.util.regex.Pattern;

/** The name a member goes by in a workspace: what the team sees beside every row that member wrote. */
public final class MemberName {
    static final int MAX = 40;
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._@-]*");

    private MemberName() {}

    /** A sentence saying what to change, or empty when {@code name} can be used. */
    public static Optional<String> problem(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of("Give the name you go by in the team, e.g. --member ada (letters, digits, space, . _ @ -).");
        }
        String n = name.strip();
        if (n.length() > MAX) return Optional.of("The member name is " + n.length() + " characters long: keep it to " + MAX + ".");
        if (!ALLOWED.matcher(n).matches()) {
            return Optional.of("The member name '" + n + "' may hold letters, digits, spaces and . _ @ - only, and start with"
                    + " a letter or digit.");
        }
        return Optional.empty();
    }
}
