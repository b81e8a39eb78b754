package parley.experiment;

/**
 * One value of a swept parameter as it is sent: a number, a string or a boolean, or {@link #OMIT},
 * which leaves the parameter out of the request.
 */
public record ParamValue(Object value) {
    public static final ParamValue OMIT = new ParamValue(null);

    public ParamValue {
        if (value != null && !(value instanceof Number || value instanceof String || value instanceof Boolean)) {
            throw new IllegalArgumentException("a parameter value is a number, a string or a boolean: " + value);
        }
    }

    public static ParamValue of(Object value) { return value == null ? OMIT : new ParamValue(value); }

    public boolean omitted() { return value == null; }

    /** The value as a column shows it: "omit" for a left-out parameter. */
    public String label() { return omitted() ? "omit" : String.valueOf(value); }
}
