package parley.ui.experiment.results;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two texts compared word by word (java-diff-utils' Myers diff over words, spaces and punctuation
 * as tokens): the pieces of the result in reading order, each kept, deleted (only in the first) or
 * inserted (only in the second). Neighbouring pieces of one kind are joined.
 */
final class WordDiff {
    private static final Pattern TOKEN = Pattern.compile("\\s+|[\\p{L}\\p{N}_]+|[^\\s\\p{L}\\p{N}_]");

    enum Kind { SAME, DELETED, INSERTED }

    record Piece(Kind kind, String text) {}

    private WordDiff() {}

    static List<Piece> of(String before, String after) {
        List<String> a = tokens(before);
        List<String> b = tokens(after);
        Patch<String> patch = DiffUtils.diff(a, b);
        List<Piece> pieces = new ArrayList<>();
        int at = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            int start = delta.getSource().getPosition();
            add(pieces, Kind.SAME, a.subList(at, start));
            add(pieces, Kind.DELETED, delta.getSource().getLines());
            add(pieces, Kind.INSERTED, delta.getTarget().getLines());
            at = start + delta.getSource().size();
        }
        add(pieces, Kind.SAME, a.subList(at, a.size()));
        return pieces;
    }

    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text == null ? "" : text);
        while (m.find()) tokens.add(m.group());
        return tokens;
    }

    private static void add(List<Piece> pieces, Kind kind, List<String> tokens) {
        if (tokens.isEmpty()) return;
        String text = String.join("", tokens);
        if (!pieces.isEmpty() && pieces.getLast().kind() == kind) {
            pieces.set(pieces.size() - 1, new Piece(kind, pieces.getLast().text() + text));
        } else {
            pieces.add(new Piece(kind, text));
        }
    }
}
