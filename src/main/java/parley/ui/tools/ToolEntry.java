package parley.ui.tools;

import com.fasterxml.jackson.databind.JsonNode;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import parley.api.Tool;
import parley.ui.schema.SchemaInput;

/**
 * One function in the Tools panel: its name (changed through {@link ToolsViewModel#rename}), its
 * description, its parameters' schema, {@code strict} as it came, and the canned result the
 * tool-call cards offer for it.
 */
public final class ToolEntry {
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper(this, "name", "");
    private final ReadOnlyStringWrapper nameMessage = new ReadOnlyStringWrapper(this, "nameMessage", "");
    private final ReadOnlyStringWrapper description = new ReadOnlyStringWrapper(this, "description", "");
    private final ReadOnlyStringWrapper cannedResult = new ReadOnlyStringWrapper(this, "cannedResult", "");
    private final ReadOnlyObjectWrapper<Boolean> strict = new ReadOnlyObjectWrapper<>(this, "strict");
    private final SchemaInput parameters = new SchemaInput(false);

    ToolEntry(String name) {
        this.name.set(name);
    }

    static ToolEntry of(Tool tool) {
        ToolEntry entry = new ToolEntry(tool.name() == null ? "" : tool.name());
        Tool.Function f = tool.function();
        entry.setDescription(f.description());
        entry.parameters.show(f.parameters());
        entry.strict.set(f.strict());
        return entry;
    }

    public ReadOnlyStringProperty nameProperty() { return name.getReadOnlyProperty(); }

    /** Why the last rename was refused; empty when it was not. */
    public ReadOnlyStringProperty nameMessageProperty() { return nameMessage.getReadOnlyProperty(); }

    public ReadOnlyStringProperty descriptionProperty() { return description.getReadOnlyProperty(); }

    public ReadOnlyStringProperty cannedResultProperty() { return cannedResult.getReadOnlyProperty(); }

    /** {@code strict} as sent: null leaves it out. */
    public ReadOnlyObjectProperty<Boolean> strictProperty() { return strict.getReadOnlyProperty(); }

    public SchemaInput parameters() { return parameters; }

    public String name() { return name.get(); }

    public void setDescription(String text) { description.set(text == null ? "" : text); }

    /** The result to offer when the model calls this function (typed, pasted or kept from last time). */
    public void setCannedResult(String text) { cannedResult.set(text == null ? "" : text); }

    public void setStrict(Boolean on) { strict.set(on); }

    void rename(String newName) {
        name.set(newName);
        nameMessage.set("");
    }

    void refuseName(String message) { nameMessage.set(message); }

    /** The tool as the request carries it; null while its schema is not valid. */
    Tool toTool() {
        if (!parameters.valid()) return null;
        JsonNode schema = parameters.schema();
        String about = description.get().isBlank() ? null : description.get();
        return new Tool(Tool.FUNCTION, new Tool.Function(name.get(), about, schema, strict.get()));
    }
}
