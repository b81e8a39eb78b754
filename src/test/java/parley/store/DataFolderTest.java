package parley.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataFolderTest {
    @Test
    void parleyHomeWinsOnEverySystem() {
        Path home = DataFolder.resolve(Map.of("PARLEY_HOME", "/data/p", "XDG_DATA_HOME", "/x"), "Linux", "/home/u");
        assertThat(home).isEqualTo(Path.of("/data/p"));
    }

    @Test
    void linuxUsesXdgDataHomeThenLocalShare() {
        assertThat(DataFolder.resolve(Map.of("XDG_DATA_HOME", "/x"), "Linux", "/home/u")).isEqualTo(Path.of("/x/parley"));
        assertThat(DataFolder.resolve(Map.of(), "Linux", "/home/u")).isEqualTo(Path.of("/home/u/.local/share/parley"));
        assertThat(DataFolder.resolve(Map.of("PARLEY_HOME", " "), "Linux", "/home/u"))
                .isEqualTo(Path.of("/home/u/.local/share/parley"));
    }

    @Test
    void macAndWindowsUseTheirUsualPlaces() {
        assertThat(DataFolder.resolve(Map.of(), "Mac OS X", "/Users/u"))
                .isEqualTo(Path.of("/Users/u/Library/Application Support/Parley"));
        assertThat(DataFolder.resolve(Map.of("APPDATA", "/c/AppData/Roaming"), "Windows 11", "/c/u"))
                .isEqualTo(Path.of("/c/AppData/Roaming/Parley"));
    }
}
