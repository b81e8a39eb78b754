package parley.engine;

import java.util.Map;

/**
 * The header of a GGUF file: its format version, its key/values and what its tensor list adds up to.
 * Arrays are kept as their element type and length only ({@link ArrayValue}): a vocabulary of
 * 150,000 strings is read past, not held.
 *
 * @param parameterCount the sum of the tensors' element counts
 */
public record GgufHeader(int version, long tensorCount, Map<String, Object> values, long parameterCount) {
    public GgufHeader {
        values = Map.copyOf(values);
    }

    /** An array value: the GGUF type number of its elements and how many there are. */
    public record ArrayValue(int elementType, long length) {}

    public String string(String key) {
        return values.get(key) instanceof String s ? s : null;
    }

    /** A whole-number value of any integer type, or null when absent or of another type. */
    public Long number(String key) {
        return switch (values.get(key)) {
            case Long l -> l;
            case Integer i -> i.longValue();
            case Short s -> s.longValue();
            case Byte b -> b.longValue();
            case null, default -> null;
        };
    }

    public Boolean bool(String key) {
        return values.get(key) instanceof Boolean b ? b : null;
    }

    /** The architecture's own key, e.g. {@code llama.context_length} for {@code context_length}. */
    public Long archNumber(String suffix) {
        String arch = string("general.architecture");
        return arch == null ? null : number(arch + "." + suffix);
    }
}
