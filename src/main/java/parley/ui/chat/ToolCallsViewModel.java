package parley.ui.chat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.BooleanSupplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import parley.api.ToolCall;

/**
 * The tool calls of one reply and "Send results": every call needs JSON arguments and a result;
 * then the calls (as edited) and their results go back and the conversation continues. Once sent,
 * the calls stay on the reply as they went. Calls of tools a {@link ToolRunner} runs are run with the
 * user's consent (at once when the tool is allowed); when every call was run, the results go back
 * by themselves while {@code roundsLeft} says so.
 */
public final class ToolCallsViewModel {
    private final List<ToolCallViewModel> calls;
    private final BiPredicate<List<ToolCall>, List<String>> send;
    private final ReadOnlyBooleanWrapper sent = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ToolRunner runner;
    private final BooleanSupplier roundsLeft;
    private final Set<ToolCallViewModel> ran = new HashSet<>();
    private final List<Runnable> cancels = new ArrayList<>();
    private int running;
    private boolean stopped;

    /** {@code send} gets the calls and their results in order and answers whether they went out. */
    public ToolCallsViewModel(List<ToolCallViewModel> calls, BiPredicate<List<ToolCall>, List<String>> send) {
        this(calls, send, ToolRunner.NONE, () -> true);
    }

    /** With {@code runner} for the tools it runs; {@code roundsLeft}: whether results may go back by themselves. */
    public ToolCallsViewModel(List<ToolCallViewModel> calls, BiPredicate<List<ToolCall>, List<String>> send,
                              ToolRunner runner, BooleanSupplier roundsLeft) {
        this.calls = List.copyOf(calls);
        this.send = send;
        this.runner = runner;
        this.roundsLeft = roundsLeft;
    }

    /** Whether the call's tool can be run here (and the results were not sent yet). */
    public boolean runnable(ToolCallViewModel call) {
        return !sent.get() && runner.runs(call.name());
    }

    /** Runs the calls of the tools the user allowed to run without asking. */
    public void runAllowed() {
        for (ToolCallViewModel call : calls) {
            if (runner.runs(call.name()) && runner.allowed(call.name())) start(call);
        }
    }

    /** Runs the call, as the user agreed; {@code always}: its tool runs without asking from now on. */
    public void run(ToolCallViewModel call, boolean always) {
        if (always) runner.allow(call.name());
        stopped = false;
        start(call);
    }

    /** Ends the running calls and keeps the results from going back by themselves (Stop). */
    public void stop() {
        stopped = true;
        List.copyOf(cancels).forEach(Runnable::run);
    }

    private void start(ToolCallViewModel call) {
        if (sent.get() || !ran.add(call)) return;
        running++;
        cancels.add(runner.run(call.name(), call.editedCall().arguments(), text -> {
            call.setResult(text);
            running--;
            sendWhenAllRan();
        }));
    }

    private void sendWhenAllRan() {
        if (running > 0 || stopped || sent.get() || !ran.containsAll(calls)) return;
        if (!roundsLeft.getAsBoolean()) {
            problem.set("The model has called tools many rounds in a row: look at the results and press Send results to go on.");
            return;
        }
        sendResults();
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
