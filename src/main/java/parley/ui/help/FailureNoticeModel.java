package parley.ui.help;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import parley.log.LogSecrets;

/**
 * The one notice the window shows when something failed: what failed, how often, and the details
 * (the stack trace, keys masked). The same failure again counts up instead of adding a notice; a
 * different one takes its place (both are in the log). Call on the JavaFX thread.
 */
public final class FailureNoticeModel {
    private final ReadOnlyBooleanWrapper showing = new ReadOnlyBooleanWrapper(this, "showing");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper(this, "details", "");
    private final ReadOnlyIntegerWrapper count = new ReadOnlyIntegerWrapper(this, "count");
    private String signature;

    // Properties

    public ReadOnlyBooleanProperty showingProperty() { return showing.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyStringProperty detailsProperty() { return details.getReadOnlyProperty(); }
    /** How many times the failure shown happened since it was first shown. */
    public ReadOnlyIntegerProperty countProperty() { return count.getReadOnlyProperty(); }

    // Commands

    /** A failure nobody caught, in {@code where} (e.g. "Usage"). */
    public void failed(String where, Throwable failure) {
        show("Something went wrong in " + where + ": what you were doing was not finished.",
                stackTrace(failure), where + "\n" + signatureOf(failure));
    }

    /** Anything else the user should hear of once, e.g. that the log cannot be written. */
    public void notice(String text) {
        show(text, text, text);
    }

    public void dismiss() {
        showing.set(false);
        signature = null;
        count.set(0);
    }

    private void show(String text, String detail, String newSignature) {
        if (showing.get() && Objects.equals(signature, newSignature)) {
            count.set(count.get() + 1);
            return;
        }
        signature = newSignature;
        message.set(text);
        details.set(detail);
        count.set(1);
        showing.set(true);
    }

    /** Same class, message and place: the same failure. */
    private static String signatureOf(Throwable failure) {
        StackTraceElement[] stack = failure.getStackTrace();
        return failure.getClass().getName() + ": " + failure.getMessage() + (stack.length > 0 ? " at " + stack[0] : "");
    }

    private static String stackTrace(Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        return LogSecrets.redact(trace.toString());
    }
}
