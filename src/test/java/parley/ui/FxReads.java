package parley.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TextInputControl;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Reads of a control's state on the JavaFX thread, for a test waiting on it from its own. A text
 * control's text is built from its content at each read: read while the view appends to it, it
 * threw out of bounds once.
 */
public final class FxReads {
    private FxReads() {}

    public static String text(TextInputControl control) {
        try {
            return WaitForAsyncUtils.asyncFx((Callable<String>) control::getText).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + control.getId(), e);
        } catch (Exception e) {
            throw new IllegalStateException("the text of " + control.getId() + " could not be read", e);
        }
    }
}
