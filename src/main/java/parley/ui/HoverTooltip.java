package parley.ui;

import javafx.event.EventHandler;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * A tooltip made when the pointer first reaches its control. Each Tooltip builds a popup window
 * with a scene of its own; a transcript has several buttons per message, and building their
 * tooltips up front made every new message card, and every long conversation opened, slower.
 */
public final class HoverTooltip {
    private HoverTooltip() {}

    public static void install(Control control, String text) {
        control.addEventHandler(MouseEvent.MOUSE_ENTERED, new EventHandler<>() {
            @Override
            public void handle(MouseEvent event) {
                control.removeEventHandler(MouseEvent.MOUSE_ENTERED, this);
                if (control.getTooltip() == null) control.setTooltip(new Tooltip(text));
            }
        });
    }
}
