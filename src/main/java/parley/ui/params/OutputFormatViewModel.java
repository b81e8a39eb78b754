package parley.ui.params;

import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import parley.api.ExtendedParameters;
import parley.api.ResponseFormat;
import parley.ui.schema.SchemaInput;

/**
 * {@code response_format}: left out, {@code text}, {@code json_object}, or {@code json_schema} with
 * its name, {@code strict} and schema. A JSON schema format stays out of the request until its name
 * and schema are valid, and says so. {@link #revision()} ticks on every change.
 */
public final class OutputFormatViewModel {
    /** The kinds of output the request can ask for. */
    public enum Kind {
        NOT_SENT("Not sent"), TEXT("Text"), JSON_OBJECT("JSON object"), JSON_SCHEMA("JSON schema");

        private final String label;

        Kind(String label) { this.label = label; }

        @Override
        public String toString() { return label; }
    }

    private final ReadOnlyObjectWrapper<Kind> kind = new ReadOnlyObjectWrapper<>(this, "kind", Kind.NOT_SENT);
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper(this, "name", "reply");
    private final ReadOnlyObjectWrapper<Boolean> strict = new ReadOnlyObjectWrapper<>(this, "strict", Boolean.TRUE);
    private final SchemaInput schema = new SchemaInput(true);
    private final ReadOnlyStringWrapper nameProblem = new ReadOnlyStringWrapper(this, "nameProblem", "");
    private final ReadOnlyStringWrapper leftOut = new ReadOnlyStringWrapper(this, "leftOut", "");
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision");
    private String description;

    public OutputFormatViewModel() {
        for (Observable o : List.<Observable>of(kind, name, strict, schema.textProperty())) {
            o.addListener(x -> changed());
        }
        changed();
    }

    public ReadOnlyObjectProperty<Kind> kindProperty() { return kind.getReadOnlyProperty(); }
    public ReadOnlyStringProperty nameProperty() { return name.getReadOnlyProperty(); }
    /** {@code strict} as sent: null leaves it out. */
    public ReadOnlyObjectProperty<Boolean> strictProperty() { return strict.getReadOnlyProperty(); }
    public SchemaInput schema() { return schema; }
    /** What is wrong with the schema's name; empty when nothing is. */
    public ReadOnlyStringProperty nameProblemProperty() { return nameProblem.getReadOnlyProperty(); }
    /** Why the format is not in the request; empty when it is. */
    public ReadOnlyStringProperty leftOutProperty() { return leftOut.getReadOnlyProperty(); }
    public ReadOnlyLongProperty revision() { return revision.getReadOnlyProperty(); }

    public void choose(Kind value) { kind.set(value == null ? Kind.NOT_SENT : value); }

    public void setName(String value) { name.set(value == null ? "" : value.strip()); }

    public void setStrict(boolean on) { strict.set(on); }

    public void resetToDefaults() { kind.set(Kind.NOT_SENT); }

    public ExtendedParameters applyTo(ExtendedParameters base) {
        return base.withResponseFormat(format());
    }

    public void show(ExtendedParameters extended) {
        ResponseFormat format = extended.responseFormat();
        if (format == null) {
            kind.set(Kind.NOT_SENT);
            return;
        }
        switch (format.type()) {
            case "text" -> kind.set(Kind.TEXT);
            case "json_object" -> kind.set(Kind.JSON_OBJECT);
            default -> {
                ResponseFormat.JsonSchema js = format.jsonSchema();
                description = js == null ? null : js.description();
                name.set(js == null || js.name() == null ? "" : js.name());
                strict.set(js == null ? null : js.strict());
                schema.show(js == null ? null : js.schema());
                kind.set(Kind.JSON_SCHEMA);
            }
        }
        changed();
    }

    private ResponseFormat format() {
        return switch (kind.get()) {
            case NOT_SENT -> null;
            case TEXT -> ResponseFormat.TEXT;
            case JSON_OBJECT -> ResponseFormat.JSON_OBJECT;
            case JSON_SCHEMA -> nameProblem.get().isEmpty() && schema.valid()
                    ? new ResponseFormat("json_schema",
                            new ResponseFormat.JsonSchema(name.get(), description, schema.schema(), strict.get()))
                    : null;
        };
    }

    private void changed() {
        nameProblem.set(name.get().matches("[a-zA-Z0-9_-]{1,64}") ? ""
                : "Name the schema: letters, digits, _ or -, up to 64 characters.");
        boolean broken = kind.get() == Kind.JSON_SCHEMA && (!nameProblem.get().isEmpty() || !schema.valid());
        leftOut.set(broken ? "response_format is left out of the request until the name and schema are valid." : "");
        revision.set(revision.get() + 1);
    }
}
