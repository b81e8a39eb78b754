package parley.about;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The libraries that ship with Parley and their licences, from {@code parley/about/licences.tsv}
 * (group:artifact, version, licence, address; one a line). A test checks it against the build's
 * runtime dependencies, so a library added to the pom without a line here fails the build.
 */
public final class Licences {
    private static final String RESOURCE = "licences.tsv";

    private Licences() {}

    public static List<Licence> bundled() {
        try (InputStream in = Licences.class.getResourceAsStream(RESOURCE)) {
            if (in == null) return List.of();
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Licence> parse(BufferedReader reader) throws IOException {
        List<Licence> licences = new ArrayList<>();
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] cells = line.split("\t", -1);
            if (cells.length < 4) throw new IllegalStateException("licences.tsv: four tab-separated cells wanted in: " + line);
            licences.add(new Licence(cells[0], cells[1], cells[2], cells[3]));
        }
        return licences;
    }
}
