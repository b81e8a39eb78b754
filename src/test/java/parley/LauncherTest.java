package parley;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LauncherTest {
    @ParameterizedTest
    @CsvSource({"1.6, 6", "1.8, 8", "9, 9", "17, 17", "21, 21", "25, 25", "26, 26", "'', -1", "x, -1", "1., -1"})
    void readsTheFeatureReleaseOfASpecificationVersion(String version, int feature) {
        assertThat(Launcher.feature(version)).isEqualTo(feature);
    }

    @Test
    void java25AndNewerRunParley() {
        assertThat(Launcher.refusal("25", "/jdk25")).isNull();
        assertThat(Launcher.refusal("26", "/jdk26")).isNull();
    }

    @Test
    void anOlderJavaIsRefusedInOneLineThatSaysWhatToInstall() {
        String refusal = Launcher.refusal("17", "/usr/lib/jvm/java-17");

        assertThat(refusal).doesNotContain("\n")
                .startsWith("parley: Parley needs Java 25 or newer, and this is Java 17 at /usr/lib/jvm/java-17: ")
                .contains("install a JDK 25", Launcher.DOWNLOAD);
        assertThat(Launcher.refusal("1.8", "")).contains("this is Java 8: install");
        assertThat(Launcher.refusal("?", "/j")).contains("this is a Java of unknown version (?) at /j");
    }

    @Test
    void theLauncherLoadsOnJava8() throws IOException {
        try (InputStream in = Launcher.class.getResourceAsStream("Launcher.class")) {
            DataInputStream data = new DataInputStream(in);
            assertThat(data.readInt()).isEqualTo(0xCAFEBABE);
            data.readUnsignedShort(); // minor
            assertThat(data.readUnsignedShort()).as("class file major version (52 is Java 8)").isEqualTo(52);
        }
    }
}
