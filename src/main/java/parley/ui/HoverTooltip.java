package parley.ui;

import java.util.function.Supplier;
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

    /**
     * A tooltip whose text is read each time the pointer arrives, none while it is null: a table
     * row's, which follows the row's item as the table reuses the row.
     */
    public static void follow(Control control, Supplier<String> text) {
        control.addEventHandler(MouseEvent.MOUSE_ENTERED, event -> {
            String now = text.get();
            if (now == null) control.setTooltip(null);
            else if (control.getTooltip() == null) control.setTooltip(new Tooltip(now));
            else control.getTooltip().setText(now);
        });
    }
}
