package parley.ui.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The text of one JSON Schema being edited, checked on every change: the schema it holds when
 * valid, else the problem and its line. Part of the view models that edit schemas.
 */
public final class SchemaInput {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyIntegerWrapper problemLine = new ReadOnlyIntegerWrapper(this, "problemLine", 0);
    private final boolean required;
    private JsonNode schema;

    /** {@code required}: an empty text is a problem (a response format's schema), else it means "no schema". */
    public SchemaInput(boolean required) {
        this.required = required;
        check("");
    }

    public ReadOnlyStringProperty textProperty() { return text.getReadOnlyProperty(); }

    /** Why the text is not a schema; empty when it is. */
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }

    /** The line the problem points at (1-based); 0 when there is none. */
    public ReadOnlyIntegerProperty problemLineProperty() { return problemLine.getReadOnlyProperty(); }

    /** The schema as typed; null when the text is empty or has a problem. */
    public JsonNode schema() { return schema; }

    public boolean valid() { return problem.get().isEmpty(); }

    public void setText(String value) {
        String now = value == null ? "" : value;
        if (now.equals(text.get())) return;
        check(now);
    }

    /** Shows {@code value} pretty-printed; null empties the text. */
    public void show(JsonNode value) {
        if (value == null) {
            setText("");
            return;
        }
        if (value.equals(schema)) return; // keeps the user's layout when the schema is the same
        try {
            setText(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value));
        } catch (JsonProcessingException e) {
            setText(value.toString());
        }
    }

    private void check(String value) {
        SchemaCheck.Result result = SchemaCheck.check(value);
        boolean missing = required && value.isBlank();
        schema = result.schema();
        problem.set(missing ? "Type the schema: a JSON object such as {\"type\": \"object\"}." : result.problem());
        problemLine.set(missing ? 0 : result.line());
        text.set(value);
    }
}
