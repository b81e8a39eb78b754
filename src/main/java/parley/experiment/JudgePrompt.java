package parley.experiment;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import parley.api.ChatMessage;
import parley.api.ChatRequest;

/**
 * What a judge is asked and how its answer is read. The judge sees the rubric, the prompt the cell
 * sent (its last user message) and the reply, and answers {@code SCORE: n} (1–5) and one sentence.
 * Temperature 0 so that the same reply gets the same score where the model allows it.
 */
public final class JudgePrompt {
    static final String SYSTEM = """
            You grade replies of a language model. Read the rubric, the prompt and the reply, then score how \
            well the reply meets the rubric from 1 (not at all) to 5 (fully). Judge only against the rubric; \
            do not reward length or style the rubric does not ask for. Answer with exactly one line: \
            SCORE: <1-5> - <one short sentence saying why>.""";
    private static final Pattern LABELLED = Pattern.compile("(?i)score\\W{0,3}([1-5])\\b");
    private static final Pattern BARE = Pattern.compile("(?<![\\d.])([1-5])(?![\\d.])");

    private JudgePrompt() {}

    public static ChatRequest request(String model, String rubric, String prompt, String reply) {
        String user = "Rubric:\n" + rubric.strip() + "\n\nPrompt:\n" + (prompt == null ? "" : prompt.strip())
                + "\n\nReply:\n" + reply + "\n\nScore the reply against the rubric. One line: SCORE: <1-5> - <why>.";
        return new ChatRequest(model, List.of(ChatMessage.system(SYSTEM), ChatMessage.user(user)), null, 0.0,
                null, null, null, null, false, null, null);
    }

    /** The score the judge gave, or null when its answer holds none. */
    public static Integer score(String answer) {
        if (answer == null) {
            return null;
        }
        Matcher labelled = LABELLED.matcher(answer);
        if (labelled.find()) {
            return Integer.parseInt(labelled.group(1));
        }
        Matcher bare = BARE.matcher(answer.strip());
        return bare.find() ? Integer.parseInt(bare.group(1)) : null;
    }
}
