package parley.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.image.Image;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

class AppIconsTest {
    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void loadsEveryWindowIconSizeAsASquareImage() {
        List<Image> icons = AppIcons.load();

        assertThat(icons).extracting(Image::getWidth).containsExactly(16.0, 32.0, 48.0, 64.0, 128.0, 256.0);
        assertThat(icons).allSatisfy(icon -> {
            assertThat(icon.isError()).isFalse();
            assertThat(icon.getHeight()).isEqualTo(icon.getWidth());
        });
    }

    @Test
    void smokeFlagIsRecognisedOnlyWhenGiven() {
        assertThat(StartupSmoke.requested(List.of("--smoke"))).isTrue();
        assertThat(StartupSmoke.requested(List.of())).isFalse();
        assertThat(StartupSmoke.requested(List.of("send", "--model", "m"))).isFalse();
    }
}
