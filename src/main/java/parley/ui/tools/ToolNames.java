package parley.ui.tools;

import java.util.Collection;
import java.util.regex.Pattern;

/** The rule for a function's name: what the API takes, and one name per function. */
public final class ToolNames {
    private static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9_-]{1,64}$");

    private ToolNames() {}

    /** Why {@code name} cannot be a new function's name among {@code taken}; empty when it can. */
    public static String problem(String name, Collection<String> taken) {
        String value = name == null ? "" : name.strip();
        if (value.isEmpty()) {
            return "Give the function a name: letters, digits, _ or -, up to 64 characters.";
        }
        if (!NAME.matcher(value).matches()) {
            return "\"" + value + "\" is not a function name: use letters, digits, _ or - only, up to 64 characters"
                    + (value.length() > 64 ? " (it has " + value.length() + ")." : ".");
        }
        if (taken.contains(value)) {
            return "There is already a function named \"" + value + "\": pick another name.";
        }
        return "";
    }
}
