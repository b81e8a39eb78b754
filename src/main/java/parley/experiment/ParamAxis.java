package parley.experiment;

import java.util.List;

/** A request parameter by the API's name ({@code temperature}, {@code max_tokens}, …) and the values it takes. */
public record ParamAxis(String name, List<ParamValue> values) {
    public ParamAxis {
        values = List.copyOf(values);
    }
}
