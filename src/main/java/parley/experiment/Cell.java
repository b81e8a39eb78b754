package parley.experiment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request of an experiment: its place in the cross product ({@code index}, from 0), the model,
 * the swept parameters' values (by API name, in axis order), the input row and the repeat (from 1).
 */
public record Cell(int index, Target target, Map<String, ParamValue> params, InputRow vars, int repeat) {
    public Cell {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** The cells that differ only in {@code repeat} share this key. */
    public String groupKey() {
        return target.label() + "|" + params + "|" + vars.values();
    }
}
