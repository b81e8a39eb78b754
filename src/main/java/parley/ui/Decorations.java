package parley.ui;

import atlantafx.base.theme.Styles;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;
import org.controlsfx.validation.Severity;
import org.controlsfx.validation.ValidationMessage;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.Validator;
import org.controlsfx.validation.decoration.ValidationDecoration;

/**
 * A field's error shown where it is: ControlsFX's {@link ValidationSupport} on the control, decorated
 * with AtlantaFX's danger state and the message as the control's tooltip, while {@code message} is
 * not empty. Forms that are built at start-up call
 * {@link #whenFirstRefused} so that ControlsFX loads only when a first message appears; the
 * ControlsFX types live in a nested class so that loading this one loads none of them.
 */
public final class Decorations {
    private static final String KEY = "parley.validation";

    private Decorations() {}

    /** Decorates {@code control} while {@code message} holds text. */
    public static void follow(Control control, ObservableValue<String> message) {
        Installer.install(control, message);
    }

    /** As {@link #follow}, installed when {@code message} first holds text. */
    public static void whenFirstRefused(Control control, ObservableValue<String> message) {
        message.addListener(new InvalidationListener() {
            @Override
            public void invalidated(Observable o) {
                if (text(message).isEmpty() || control.getProperties().containsKey(KEY)) return;
                message.removeListener(this);
                Installer.install(control, message);
            }
        });
    }

    private static String text(ObservableValue<String> message) {
        return message.getValue() == null ? "" : message.getValue();
    }

    private static final class Installer {
        static void install(Control control, ObservableValue<String> message) {
            ValidationSupport support = new ValidationSupport();
            support.setValidationDecorator(new StateDecoration());
            control.getProperties().put(KEY, support);
            Validator<Object> validator = (c, value) -> ValidationResult.fromErrorIf(c, text(message), !text(message).isEmpty());
            support.registerValidator(control, false, validator);
            message.addListener((o, old, now) -> support.revalidate(control));
            support.revalidate(control);
        }
    }

    /**
     * ControlsFX's validation decorated in AtlantaFX's own way: the theme's danger state (its red
     * border and focus ring, right in every theme) and the message as the control's tooltip while
     * it holds. ControlsFX's graphic decorations would wrap the scene's root in a pane of their own.
     */
    private static final class StateDecoration implements ValidationDecoration {
        private static final String SAVED_TIP = "parley.validation.tooltip";

        @Override
        public void applyValidationDecoration(ValidationMessage message) {
            Control control = message.getTarget();
            control.pseudoClassStateChanged(Styles.STATE_DANGER, message.getSeverity() == Severity.ERROR);
            control.pseudoClassStateChanged(Styles.STATE_WARNING, message.getSeverity() == Severity.WARNING);
            if (!control.getProperties().containsKey(SAVED_TIP)) {
                control.getProperties().put(SAVED_TIP, control.getTooltip() == null ? NO_TIP : control.getTooltip());
            }
            Tooltip tip = new Tooltip(message.getText());
            tip.getStyleClass().add("validation-tooltip");
            tip.setWrapText(true);
            tip.setMaxWidth(360);
            tip.setShowDelay(Duration.millis(100));
            control.setTooltip(tip);
        }

        @Override
        public void removeDecorations(Control control) {
            control.pseudoClassStateChanged(Styles.STATE_DANGER, false);
            control.pseudoClassStateChanged(Styles.STATE_WARNING, false);
            Object saved = control.getProperties().remove(SAVED_TIP);
            if (saved != null) control.setTooltip(saved instanceof Tooltip t ? t : null);
        }

        @Override
        public void applyRequiredDecoration(Control control) {}

        private static final Object NO_TIP = new Object();
    }
}
