package parley.history;

/** Conversation titles made from the first message. */
public final class Titles {
    public static final int MAX_LENGTH = 60;
    public static final String UNTITLED = "New conversation";

    private Titles() {}

    /** The first line of the text with words, shortened to {@link #MAX_LENGTH} characters at a word. */
    public static String fromFirstMessage(String text) {
        if (text == null) {
            return UNTITLED;
        }
        String line = text.strip().lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
        line = line.replaceAll("\\s+", " ");
        if (line.isEmpty()) {
            return UNTITLED;
        }
        if (line.length() <= MAX_LENGTH) {
            return line;
        }
        int cut = line.lastIndexOf(' ', MAX_LENGTH - 1);
        return line.substring(0, cut > MAX_LENGTH / 2 ? cut : MAX_LENGTH - 1).strip() + "…";
    }
}
