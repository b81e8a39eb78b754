package parley.ui.markdown;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts streamed Markdown into blocks that are finished and the one block still open, so that a
 * finished block is rendered once and only the open block changes while text arrives.
 *
 * <p>A block ends at a blank line followed by an unindented line (outside a fenced code block), at
 * the closing fence of a code block, and before a fence that interrupts a paragraph. An open block
 * that grows past {@link #MAX_OPEN} characters is cut at its last complete line (a long code block
 * continues as a new fenced block with the same info string), so the cost of re-rendering the open
 * block stays bounded however long the message grows. Scanning is incremental: each character is
 * looked at a bounded number of times.
 */
public final class BlockSplitter {
    public static final int MAX_OPEN = 4096;

    private final StringBuilder open = new StringBuilder();
    private int scanned;
    private int lineCount;
    private String fence;
    private String fenceLine;
    private int blankStart = -1;

    /**
     * Adds streamed text; returns the blocks this text finished, in order (often none). The text is
     * taken a line at a time, so the open block never holds more than one block and a line: a flood
     * of text would otherwise sit in it whole and be shifted once for every block cut from its front.
     */
    public List<String> append(String text) {
        List<String> done = new ArrayList<>();
        int from = 0;
        while (from < text.length()) {
            int newline = text.indexOf('\n', from);
            int to = newline < 0 ? text.length() : newline + 1;
            appendLine(text.substring(from, to), done);
            from = to;
        }
        return done;
    }

    private void appendLine(String text, List<String> done) {
        open.append(text);
        int newline;
        while ((newline = open.indexOf("\n", scanned)) >= 0) {
            scanLine(open.substring(scanned, newline), newline + 1, done);
        }
        if (blankStart >= 0 && scanned < open.length() && !Character.isWhitespace(open.charAt(scanned))) {
            commit(blankStart, scanned, done);
        }
        if (open.length() > MAX_OPEN && scanned > 0) {
            cutAtScanned(done);
        } else if (open.length() > 2 * MAX_OPEN && fence == null) {
            cutAtSpace(done);
        }
    }

    /** The text of the block still open (may be empty). */
    public String openBlock() {
        return open.toString();
    }

    /** Ends the stream: returns the rest as the last block and starts over. */
    public String finish() {
        String rest = open.toString();
        reset();
        return rest;
    }

    public void reset() {
        open.setLength(0);
        scanned = 0;
        lineCount = 0;
        fence = null;
        fenceLine = null;
        blankStart = -1;
    }

    private void scanLine(String line, int next, List<String> done) {
        if (fence != null) {
            scanned = next;
            lineCount++;
            if (closesFence(line)) {
                commit(next, next, done);
            }
            return;
        }
        if (line.isBlank()) {
            if (blankStart < 0) blankStart = scanned;
            scanned = next;
            lineCount++;
            return;
        }
        int lineStart = scanned;
        if (blankStart >= 0 && !Character.isWhitespace(line.charAt(0))) {
            commit(blankStart, lineStart, done);
            lineStart = 0;
        }
        blankStart = -1;
        String marker = fenceMarker(line);
        if (marker != null) {
            if (lineCount > 0) {
                commit(lineStart, lineStart, done);
                lineStart = 0;
            }
            fence = marker;
            fenceLine = line;
        }
        scanned = lineStart + line.length() + 1;
        lineCount++;
    }

    /** Moves open[0, end) out as a block and drops open[end, from). */
    private void commit(int end, int from, List<String> done) {
        String block = open.substring(0, end);
        if (!block.isBlank()) done.add(block);
        open.delete(0, from);
        scanned = 0;
        lineCount = 0;
        fence = null;
        fenceLine = null;
        blankStart = -1;
    }

    private void cutAtScanned(List<String> done) {
        if (fence != null) {
            String line = fenceLine;
            String marker = fence;
            String block = open.substring(0, scanned) + marker + "\n";
            open.delete(0, scanned);
            open.insert(0, line + "\n");
            done.add(block);
            scanned = line.length() + 1;
            lineCount = 1;
            fence = marker;
            fenceLine = line;
            blankStart = -1;
        } else {
            int end = blankStart >= 0 ? blankStart : scanned;
            commit(end, scanned, done);
        }
    }

    private void cutAtSpace(List<String> done) {
        int space = open.lastIndexOf(" ");
        if (space > 0) commit(space, space + 1, done);
    }

    private static String fenceMarker(String line) {
        String body = stripIndent(line);
        if (body == null || body.length() < 3) return null;
        char c = body.charAt(0);
        if (c != '`' && c != '~') return null;
        int n = 0;
        while (n < body.length() && body.charAt(n) == c) n++;
        if (n < 3) return null;
        if (c == '`' && body.indexOf('`', n) >= 0) return null;
        return String.valueOf(c).repeat(n);
    }

    private boolean closesFence(String line) {
        String body = stripIndent(line);
        if (body == null) return false;
        char c = fence.charAt(0);
        int n = 0;
        while (n < body.length() && body.charAt(n) == c) n++;
        return n >= fence.length() && body.substring(n).isBlank();
    }

    /** The line without up to three leading spaces, or null when it is indented four or more. */
    private static String stripIndent(String line) {
        int i = 0;
        while (i < line.length() && i < 4 && line.charAt(i) == ' ') i++;
        return i >= 4 ? null : line.substring(i);
    }
}
