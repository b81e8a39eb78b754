package parley.ui.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import parley.api.ToolCall;

/**
 * The tool calls of one reply and "Send results": every call needs JSON arguments and a result;
 * then the calls (as edited) and their results go back and the conversation continues. Once sent,
 * the calls stay on the reply as they went.
 */
public final class ToolCallsViewModel {
    private final List<ToolCallViewModel> calls;
    private final BiPredicate<List<ToolCall>, List<String>> send;
    private final ReadOnlyBooleanWrapper sent = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

    /** {@code send} gets the calls and their results in order and answers whether they went out. */
    public ToolCallsViewModel(List<ToolCallViewModel> calls, BiPredicate<List<ToolCall>, List<String>> send) {
        this.calls = List.copyOf(calls);
        this.send = send;
    }

    public List<ToolCallViewModel> calls() { return calls; }

    public ReadOnlyBooleanProperty sentProperty() { return sent.getReadOnlyProperty(); }

    /** Why the results were not sent ("" when nothing is wrong). */
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }

    /** Sends every call's result; refused with a message when one has no result or broken arguments. */
    public boolean sendResults() {
        if (sent.get()) {
            problem.set("These results were sent already.");
            return false;
        }
        for (int i = 0; i < calls.size(); i++) {
            String why = calls.get(i).problem(i + 1);
            if (why != null) {
                problem.set(why);
                return false;
            }
        }
        List<ToolCall> edited = new ArrayList<>(calls.size());
        List<String> results = new ArrayList<>(calls.size());
        for (ToolCallViewModel call : calls) {
            edited.add(call.editedCall());
            results.add(call.resultProperty().get());
        }
        if (!send.test(edited, results)) return false;
        problem.set("");
        sent.set(true);
        return true;
    }
}
