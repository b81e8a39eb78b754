package parley.ui;

import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Control;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.Validator;

/**
 * A field's error shown where it is: a ControlsFX validation decoration on the control, with the
 * message as its tooltip, while {@code message} is not empty. Forms that are built at start-up call
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
            control.getProperties().put(KEY, support);
            Validator<Object> validator = (c, value) -> ValidationResult.fromErrorIf(c, text(message), !text(message).isEmpty());
            support.registerValidator(control, false, validator);
            message.addListener((o, old, now) -> support.revalidate(control));
            support.revalidate(control);
        }
    }
}
