package parley.api;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A minimal forward-only JSON reader over a byte slice, made for the hot path of a stream: field
 * names are compared as bytes, unneeded values are skipped without building anything, and strings
 * without escapes become a String in one step. It checks the grammar of everything it reads or
 * skips, so a cut or broken chunk is reported, never half-read. Not a general JSON library:
 * {@link CompletionParser} is its only user.
 */
final class JsonCursor {
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    private static final int MAX_DEPTH = 256;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private byte[] b;
    private int pos;
    private int end;
    private int nameStart;
    private int nameEnd;
    private String escapedName;

    void reset(byte[] bytes, int offset, int length) {
        b = bytes;
        pos = offset;
        end = offset + length;
    }

    int position() {
        return pos;
    }

    /** Skips whitespace and returns the next byte without consuming it. */
    byte peek() throws Malformed {
        skipWhitespace();
        if (pos >= end) {
            throw new Malformed("unexpected end of the JSON text");
        }
        return b[pos];
    }

    boolean atEnd() {
        skipWhitespace();
        return pos >= end;
    }

    void expect(char c) throws Malformed {
        if (peek() != c) {
            throw unexpected("'" + c + "'");
        }
        pos++;
    }

    /** After '{' or a member: true when another member follows (and reads its name), false at '}'. */
    boolean nextMember(boolean first) throws Malformed {
        byte c = peek();
        if (c == '}') {
            pos++;
            return false;
        }
        if (!first) {
            if (c != ',') {
                throw unexpected("',' or '}'");
            }
            pos++;
            peek();
        }
        readName();
        expect(':');
        return true;
    }

    /** After '[' or an element: true when another element follows, false at ']'. */
    boolean nextElement(boolean first) throws Malformed {
        byte c = peek();
        if (c == ']') {
            pos++;
            return false;
        }
        if (!first) {
            if (c != ',') {
                throw unexpected("',' or ']'");
            }
            pos++;
        }
        return true;
    }

    /** Whether the name of the current member is {@code name} (ASCII). */
    boolean nameIs(byte[] name) {
        if (escapedName != null) {
            return escapedName.equals(new String(name, StandardCharsets.US_ASCII));
        }
        int len = nameEnd - nameStart;
        if (len != name.length) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (b[nameStart + i] != name[i]) {
                return false;
            }
        }
        return true;
    }

    /** Consumes {@code null} when it comes next. */
    boolean skipNull() throws Malformed {
        if (peek() == 'n') {
            literal("null");
            return true;
        }
        return false;
    }

    /** A string value, or null for JSON null; any other value is skipped and gives null. */
    String stringOrNull() throws Malformed {
        byte c = peek();
        if (c == '"') {
            return readString();
        }
        skipValue();
        return null;
    }

    /** An integer value (a fraction is cut off), or null for null or any other value. */
    Integer intOrNull() throws Malformed {
        byte c = peek();
        if (c == '-' || (c >= '0' && c <= '9')) {
            int start = pos;
            skipNumber();
            String text = new String(b, start, pos - start, StandardCharsets.US_ASCII);
            try {
                return Integer.valueOf(text);
            } catch (NumberFormatException notAnInt) {
                return (int) Double.parseDouble(text);
            }
        }
        skipValue();
        return null;
    }

    /** Skips any value and returns where it started, so the caller can read it another way. */
    int skipValue() throws Malformed {
        peek();
        int start = pos;
        skipValue(0);
        return start;
    }

    private void skipValue(int depth) throws Malformed {
        if (depth > MAX_DEPTH) {
            throw new Malformed("JSON nested too deeply");
        }
        byte c = peek();
        switch (c) {
            case '"' -> skipString();
            case '{' -> {
                pos++;
                boolean first = true;
                while (nextMember(first)) {
                    first = false;
                    skipValue(depth + 1);
                }
            }
            case '[' -> {
                pos++;
                boolean first = true;
                while (nextElement(first)) {
                    first = false;
                    skipValue(depth + 1);
                }
            }
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    skipNumber();
                } else {
                    throw unexpected("a value");
                }
            }
        }
    }

    private void readName() throws Malformed {
        if (b[pos] != '"') {
            throw unexpected("a field name");
        }
        int start = pos + 1;
        int i = indexOfQuoteOrBackslash(start);
        if (i < 0) {
            throw new Malformed("unexpected end inside a field name");
        }
        if (b[i] == '\\') {
            escapedName = readString();
            return;
        }
        nameStart = start;
        nameEnd = i;
        escapedName = null;
        pos = i + 1;
    }

    private String readString() throws Malformed {
        int start = pos + 1;
        int i = indexOfQuoteOrBackslash(start);
        if (i < 0) {
            throw new Malformed("unexpected end inside a string");
        }
        if (b[i] == '\\') {
            return readEscapedString(start, i);
        }
        pos = i + 1;
        return new String(b, start, i - start, StandardCharsets.UTF_8);
    }

    private String readEscapedString(int start, int firstEscape) throws Malformed {
        StringBuilder sb = new StringBuilder(firstEscape - start + 16);
        int runStart = start;
        int i = firstEscape;
        while (i < end) {
            byte c = b[i];
            if (c == '"') {
                appendUtf8(sb, runStart, i);
                pos = i + 1;
                return sb.toString();
            }
            if (c != '\\') {
                i++;
                continue;
            }
            appendUtf8(sb, runStart, i);
            if (i + 1 >= end) {
                break;
            }
            byte e = b[i + 1];
            i += 2;
            switch (e) {
                case '"' -> sb.append('"');
                case '\\' -> sb.append('\\');
                case '/' -> sb.append('/');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    if (i + 4 > end) {
                        throw new Malformed("unexpected end inside a \\u escape");
                    }
                    sb.append((char) hex4(i));
                    i += 4;
                }
                default -> throw new Malformed("invalid escape \\" + (char) e + " in a string");
            }
            runStart = i;
        }
        throw new Malformed("unexpected end inside a string");
    }

    private void appendUtf8(StringBuilder sb, int from, int to) {
        if (to > from) {
            sb.append(new String(b, from, to - from, StandardCharsets.UTF_8));
        }
    }

    private int hex4(int at) throws Malformed {
        int value = 0;
        for (int k = 0; k < 4; k++) {
            int d = Character.digit(b[at + k], 16);
            if (d < 0) {
                throw new Malformed("invalid \\u escape in a string");
            }
            value = value * 16 + d;
        }
        return value;
    }

    private void skipString() throws Malformed {
        int i = pos + 1;
        while (true) {
            i = indexOfQuoteOrBackslash(i);
            if (i < 0) {
                throw new Malformed("unexpected end inside a string");
            }
            if (b[i] == '"') {
                pos = i + 1;
                return;
            }
            i = skipEscape(i);
        }
    }

    /** Checks the escape at {@code i} (a backslash) and returns the index after it. */
    private int skipEscape(int i) throws Malformed {
        if (i + 1 >= end) {
            throw new Malformed("unexpected end inside a string");
        }
        switch (b[i + 1]) {
            case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {
                return i + 2;
            }
            case 'u' -> {
                if (i + 6 > end) {
                    throw new Malformed("unexpected end inside a \\u escape");
                }
                hex4(i + 2);
                return i + 6;
            }
            default -> throw new Malformed("invalid escape \\" + (char) b[i + 1] + " in a string");
        }
    }

    /** The index of the next '"' or '\\' at or after {@code from}, or -1; eight bytes at a time. */
    private int indexOfQuoteOrBackslash(int from) {
        int i = from;
        for (; i + 8 <= end; i += 8) {
            long word = (long) LONGS.get(b, i);
            long quote = word ^ 0x2222222222222222L;
            long backslash = word ^ 0x5C5C5C5C5C5C5C5CL;
            long found = (((quote - 0x0101010101010101L) & ~quote) | ((backslash - 0x0101010101010101L) & ~backslash))
                    & 0x8080808080808080L;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < end; i++) {
            byte c = b[i];
            if (c == '"' || c == '\\') {
                return i;
            }
        }
        return -1;
    }

    private void skipNumber() throws Malformed {
        int start = pos;
        if (b[pos] == '-') {
            pos++;
        }
        int digits = pos;
        while (pos < end && isNumberByte(b[pos])) {
            pos++;
        }
        if (pos == digits) {
            throw new Malformed("invalid number at offset " + start);
        }
    }

    private static boolean isNumberByte(byte c) {
        return (c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-';
    }

    private void literal(String word) throws Malformed {
        int len = word.length();
        if (pos + len > end) {
            throw new Malformed("unexpected end of the JSON text");
        }
        for (int k = 0; k < len; k++) {
            if (b[pos + k] != word.charAt(k)) {
                throw unexpected("'" + word + "'");
            }
        }
        pos += len;
    }

    private void skipWhitespace() {
        while (pos < end) {
            byte c = b[pos];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return;
            }
            pos++;
        }
    }

    private Malformed unexpected(String wanted) {
        if (pos >= end) {
            return new Malformed("unexpected end of the JSON text");
        }
        return new Malformed("expected " + wanted + " at offset " + pos + ", found '" + (char) (b[pos] & 0xFF) + "'");
    }
}
