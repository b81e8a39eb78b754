package parley.ui.chat;

import com.fasterxml.jackson.databind.JsonNode;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import parley.api.ToolCall;

/**
 * One tool call of a reply: the function, its arguments (pretty-printed when they are JSON, else
 * exactly as they came; editable), whether they match the tool's parameters schema, and the result
 * the user gives it (typed, pasted, or the tool's canned result when it has one).
 */
public final class ToolCallViewModel {
    private final ToolCall call;
    private final JsonNode schema;
    private final String cannedResult;
    private final String shownArguments;
    private final ReadOnlyStringWrapper arguments = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<JsonVerdict> verdict = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");

    /**
     * @param schema       the tool's parameters schema, null when the request did not define the tool
     * @param cannedResult the result saved with the tool, null when none
     */
    public ToolCallViewModel(ToolCall call, JsonNode schema, String cannedResult) {
        this.call = call;
        this.schema = schema;
        this.cannedResult = cannedResult;
        JsonVerdict first = JsonCheck.check(call.arguments(), schema);
        this.shownArguments = first.pretty();
        verdict.set(first);
        arguments.set(shownArguments);
    }

    public String id() { return call.id(); }

    public String name() { return call.name() == null ? "(no name)" : call.name(); }

    /** The arguments as the model sent them, unchanged. */
    public String rawArguments() { return call.arguments() == null ? "" : call.arguments(); }

    public boolean knowsSchema() { return schema != null && !schema.isNull(); }

    public ReadOnlyStringProperty argumentsProperty() { return arguments.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<JsonVerdict> verdictProperty() { return verdict.getReadOnlyProperty(); }

    public ReadOnlyStringProperty resultProperty() { return result.getReadOnlyProperty(); }

    public boolean hasCannedResult() { return cannedResult != null; }

    public void setArguments(String text) {
        arguments.set(text == null ? "" : text);
        verdict.set(JsonCheck.check(arguments.get(), schema));
    }

    public void setResult(String text) {
        result.set(text == null ? "" : text);
    }

    /** Puts the tool's canned result into the result field (when the tool has one). */
    public void useCannedResult() {
        if (cannedResult != null) result.set(cannedResult);
    }

    /** Why this call cannot go back yet, or null: its arguments must be JSON, its result not empty. */
    String problem(int number) {
        String label = "call " + number + " (" + name() + ")";
        if (verdict.get().kind() == JsonVerdict.Kind.NOT_JSON) {
            return "The arguments of " + label + " are not valid JSON (" + verdict.get().problems().getFirst()
                    + "): correct them before sending the results.";
        }
        if (result.get().isBlank()) return "Type a result for " + label + ", or paste one.";
        return null;
    }

    /** The call as it goes back: the arguments as the model sent them unless they were edited (then compacted). */
    ToolCall editedCall() {
        boolean edited = !arguments.get().equals(shownArguments);
        return ToolCall.of(call.id(), call.name(), edited ? JsonCheck.compact(arguments.get()) : rawArguments());
    }
}
