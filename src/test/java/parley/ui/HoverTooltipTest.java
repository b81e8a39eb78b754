package parley.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.event.Event;
import javafx.scene.control.Button;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

class HoverTooltipTest {
    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void theTooltipIsMadeWhenThePointerFirstArrives() throws Exception {
        Button button = WaitForAsyncUtils.asyncFx(() -> new Button("Copy")).get();
        WaitForAsyncUtils.asyncFx(() -> HoverTooltip.install(button, "Copy this message")).get();
        assertThat(button.getTooltip()).isNull();

        WaitForAsyncUtils.asyncFx(() -> Event.fireEvent(button, entered(button))).get();
        assertThat(button.getTooltip()).isNotNull();
        assertThat(button.getTooltip().getText()).isEqualTo("Copy this message");

        var first = button.getTooltip();
        WaitForAsyncUtils.asyncFx(() -> Event.fireEvent(button, entered(button))).get();
        assertThat(button.getTooltip()).as("made once").isSameAs(first);
    }

    private static MouseEvent entered(Button target) {
        return new MouseEvent(target, target, MouseEvent.MOUSE_ENTERED, 1, 1, 1, 1, MouseButton.NONE, 0,
                false, false, false, false, false, false, false, false, false, false, null);
    }
}
