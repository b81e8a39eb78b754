package parley.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The icon files installer/make-icons.sh generates from assets/parley.svg, as the installers use them. */
class IconAssetsTest {
    private static final Path ASSETS = Path.of("assets");

    @ParameterizedTest
    @ValueSource(ints = {16, 24, 32, 48, 64, 128, 256, 512, 1024})
    void everyPngHasTheSizeItsNameSays(int size) throws IOException {
        byte[] png = Files.readAllBytes(ASSETS.resolve("icons/parley-" + size + ".png"));

        assertThat(new String(png, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
        ByteBuffer header = ByteBuffer.wrap(png, 16, 8);
        assertThat(header.getInt()).as("width").isEqualTo(size);
        assertThat(header.getInt()).as("height").isEqualTo(size);
    }

    @Test
    void windowsIconHoldsSevenSizesUpTo256() throws IOException {
        ByteBuffer ico = ByteBuffer.wrap(Files.readAllBytes(ASSETS.resolve("parley.ico"))).order(ByteOrder.LITTLE_ENDIAN);

        assertThat(ico.getShort(0)).as("reserved").isZero();
        assertThat(ico.getShort(2)).as("type icon").isEqualTo((short) 1);
        assertThat(ico.getShort(4)).as("images").isEqualTo((short) 7);
        int largest = 0;
        for (int i = 0; i < 7; i++) {
            int width = Byte.toUnsignedInt(ico.get(6 + 16 * i));
            largest = Math.max(largest, width == 0 ? 256 : width);
        }
        assertThat(largest).isEqualTo(256);
    }

    @Test
    void macIconIsAnIcnsFileOfItsDeclaredLength() throws IOException {
        byte[] icns = Files.readAllBytes(ASSETS.resolve("parley.icns"));

        assertThat(new String(icns, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("icns");
        assertThat(ByteBuffer.wrap(icns, 4, 4).getInt()).isEqualTo(icns.length);
        assertThat(new String(icns, StandardCharsets.ISO_8859_1)).contains("ic10"); // the 1024 px entry
    }

    @Test
    void linuxIconAndWindowIconsMatchTheGeneratedSet() throws IOException {
        Path generated = ASSETS.resolve("icons/parley-256.png");
        assertThat(Files.mismatch(ASSETS.resolve("parley.png"), generated)).isEqualTo(-1);
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            Path resource = Path.of("src/main/resources/parley/ui/icons/parley-" + size + ".png");
            assertThat(Files.mismatch(resource, ASSETS.resolve("icons/parley-" + size + ".png"))).as("%d px", size).isEqualTo(-1);
        }
    }
}
