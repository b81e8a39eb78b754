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

    @Test
    void aFollowingTooltipReadsItsTextEachTimeThePointerArrives() throws Exception {
        Button row = WaitForAsyncUtils.asyncFx(() -> new Button("row")).get();
        String[] item = {null};
        WaitForAsyncUtils.asyncFx(() -> HoverTooltip.follow(row, () -> item[0])).get();
        WaitForAsyncUtils.asyncFx(() -> Event.fireEvent(row, entered(row))).get();
        assertThat(row.getTooltip()).as("none while the text is null").isNull();

        item[0] = "deepseek-chat: 12 requests";
        WaitForAsyncUtils.asyncFx(() -> Event.fireEvent(row, entered(row))).get();
        assertThat(row.getTooltip().getText()).isEqualTo("deepseek-chat: 12 requests");
        var first = row.getTooltip();

        item[0] = "mystery: 1 request";
        WaitForAsyncUtils.asyncFx(() -> Event.fireEvent(row, entered(row))).get();
        assertThat(row.getTooltip()).as("made once").isSameAs(first);
        assertThat(row.getTooltip().getText()).isEqualTo("mystery: 1 request");

        item[0] = null;
        WaitForAsyncUtils.asyncFx(() -> Event.fireEvent(row, entered(row))).get();
        assertThat(row.getTooltip()).isNull();
    }

    private static MouseEvent entered(Button target) {
        return new MouseEvent(target, target, MouseEvent.MOUSE_ENTERED, 1, 1, 1, 1, MouseButton.NONE, 0,
                false, false, false, false, false, false, false, false, false, false, null);
    }
}
