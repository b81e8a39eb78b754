package parley.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the raw server recordings kept under {@code src/test/resources/recordings/}. */
public final class Recordings {
    private static final Pattern TRAILER =
            Pattern.compile("\\n?---HTTP_STATUS (\\d+) CONTENT_TYPE (.*?)---\\s*$");

    private Recordings() {}

    /** A recording's body (the recorder's trailer removed), its HTTP status and content type. */
    public record Parsed(int status, String contentType, byte[] body) {
        public String text() { return new String(body, StandardCharsets.UTF_8); }
    }

    /** {@code name} is relative to {@code recordings/}, e.g. {@code llama-server/chat_stream.txt}. */
    public static Parsed load(String name) {
        return parse(bytes(name));
    }

    static byte[] bytes(String name) {
        String path = "/recordings/" + name;
        try (InputStream in = Recordings.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalArgumentException("no recording " + path);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Parsed parse(byte[] all) {
        String text = new String(all, StandardCharsets.ISO_8859_1);
        Matcher m = TRAILER.matcher(text);
        if (!m.find()) return new Parsed(200, "application/json", all);
        byte[] body = Arrays.copyOfRange(all, 0, m.start());
        return new Parsed(Integer.parseInt(m.group(1)), m.group(2).trim(), body);
    }
}
