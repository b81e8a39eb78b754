package parley.about;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The licence list shown in About names exactly the libraries the build ships, at their versions. */
class LicencesTest {
    /** Written by maven-dependency-plugin (list-runtime-libs) before the tests. */
    private static final Path RUNTIME = Path.of("target", "runtime-libraries.txt");

    @Test
    void everyRuntimeLibraryHasALicenceLineAndNoLineIsLeftOver() throws Exception {
        Set<String> shipped = new TreeSet<>();
        for (String line : Files.readAllLines(RUNTIME)) {
            String coordinates = line.strip().split(" ")[0];
            String[] parts = coordinates.split(":");
            if (parts.length < 4) continue;
            String version = parts[parts.length - 1];
            shipped.add(parts[0] + ":" + parts[1] + " " + version);
        }
        Set<String> listed = new TreeSet<>();
        for (Licence licence : Licences.bundled()) {
            assertThat(licence.licence()).as(licence.library()).isNotBlank();
            assertThat(licence.url()).as(licence.library()).startsWith("https://");
            listed.add(licence.library() + " " + licence.version());
        }

        assertThat(shipped).isNotEmpty();
        assertThat(listed).isEqualTo(shipped);
    }
}
