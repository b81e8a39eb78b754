package parley.experiment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** One row of variable values: variable name to the text that replaces {@code {{name}}}, in column order. */
public record InputRow(Map<String, String> values) {
    public static final InputRow NONE = new InputRow(Map.of());

    public InputRow {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
