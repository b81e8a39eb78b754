package parley.experiment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import parley.api.ChatMessage;
import parley.api.RequestValidator;
import parley.chat.ChatSettings;

/**
 * Reads a swept parameter as the CLI and the form write it: {@code NAME=V1,V2,…} or
 * {@code NAME=FROM:TO:STEP}, where {@code omit} leaves the parameter out. A range includes TO when a
 * whole number of steps reaches it, and its values are rounded to the step's decimals
 * ({@code 0:1:0.3} is 0, 0.3, 0.6, 0.9). Values are checked against the bounds a request is checked
 * against ({@link RequestValidator}). Bad input is an {@link IllegalArgumentException} whose message
 * says what to change.
 */
public final class ParamAxes {
    /** More values than this on one axis is surely a typo in a range. */
    public static final int MAX_VALUES = 1000;
    private static final String OMIT = "omit";

    private ParamAxes() {}

    public static ParamAxis parse(String spec) {
        int equals = spec == null ? -1 : spec.indexOf('=');
        if (equals <= 0) {
            throw new IllegalArgumentException("\"" + spec + "\" is not NAME=V1,V2,… or NAME=FROM:TO:STEP, "
                    + "e.g. temperature=0,0.5,1 or temperature=0:1:0.25");
        }
        return parse(spec.substring(0, equals), spec.substring(equals + 1));
    }

    public static ParamAxis parse(String name, String values) {
        SweptParameter parameter = parameter(name);
        String text = values.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException(parameter.apiName() + " has no values: give a list (" + parameter.apiName()
                    + "=V1,V2) or a range (" + parameter.apiName() + "=FROM:TO:STEP)");
        }
        List<ParamValue> parsed = text.contains(":") && !text.contains(",")
                ? range(parameter, text) : list(parameter, text);
        return checked(parameter, parsed);
    }

    /** The parameter of this API name; unknown names are refused with the list of known ones. */
    public static SweptParameter parameter(String name) {
        return SweptParameter.named(name).orElseThrow(() -> new IllegalArgumentException(
                "\"" + (name == null ? "" : name.strip()) + "\" is not a parameter that can be swept: use one of "
                        + String.join(", ", SweptParameter.names())));
    }

    /** The axis as given, once each value is known to be in bounds and none is repeated. */
    public static ParamAxis checked(SweptParameter parameter, List<ParamValue> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException(parameter.apiName() + " has no values: give at least one");
        }
        if (values.size() > MAX_VALUES) {
            throw new IllegalArgumentException(parameter.apiName() + " would take " + values.size()
                    + " values, more than " + MAX_VALUES + ": use a larger step or a shorter range");
        }
        Set<String> seen = new HashSet<>();
        for (ParamValue value : values) {
            if (!seen.add(value.label())) {
                throw new IllegalArgumentException(parameter.apiName() + ": " + value.label()
                        + " is given twice; give each value once");
            }
            String problem = boundsProblem(parameter, value);
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
        }
        return new ParamAxis(parameter.apiName(), values);
    }

    private static List<ParamValue> list(SweptParameter parameter, String text) {
        List<ParamValue> values = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            values.add(value(parameter, part.strip()));
        }
        return values;
    }

    /** One value as it will be sent; {@code omit} leaves the parameter out. */
    public static ParamValue value(SweptParameter parameter, String text) {
        String name = parameter.apiName();
        if (text.isEmpty()) {
            throw new IllegalArgumentException(name + " has an empty value: remove the extra comma, or write omit to leave it out");
        }
        if (text.equalsIgnoreCase(OMIT)) {
            return ParamValue.OMIT;
        }
        return switch (parameter.kind()) {
            case INTEGER -> integer(parameter, number(name, text));
            case DECIMAL -> ParamValue.of(number(name, text).doubleValue());
            case BOOLEAN -> bool(name, text);
            case TEXT -> ParamValue.of(text);
        };
    }

    private static List<ParamValue> range(SweptParameter parameter, String text) {
        String name = parameter.apiName();
        String[] parts = text.split(":", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException(name + "=" + text + " is not a range FROM:TO:STEP, e.g. " + name + "=0:1:0.25");
        }
        if (parameter.kind() == SweptParameter.Kind.BOOLEAN || parameter.kind() == SweptParameter.Kind.TEXT) {
            throw new IllegalArgumentException(name + " takes no range: list its values, e.g. "
                    + (parameter.kind() == SweptParameter.Kind.BOOLEAN ? name + "=true,false" : name + "=low,high"));
        }
        BigDecimal from = number(name, parts[0].strip());
        BigDecimal to = number(name, parts[1].strip());
        BigDecimal step = number(name, parts[2].strip());
        if (step.signum() <= 0) {
            throw new IllegalArgumentException(name + "=" + text + ": the step must be greater than 0 (was " + step.toPlainString() + ")");
        }
        if (from.compareTo(to) > 0) {
            throw new IllegalArgumentException(name + "=" + text + ": FROM (" + from.toPlainString()
                    + ") is greater than TO (" + to.toPlainString() + "); swap them");
        }
        long steps = to.subtract(from).divide(step, 0, RoundingMode.FLOOR).longValueExact();
        if (steps + 1 > MAX_VALUES) {
            throw new IllegalArgumentException(name + "=" + text + " would take " + (steps + 1)
                    + " values, more than " + MAX_VALUES + ": use a larger step or a shorter range");
        }
        int decimals = Math.max(0, step.stripTrailingZeros().scale());
        List<ParamValue> values = new ArrayList<>();
        for (long i = 0; i <= steps; i++) {
            BigDecimal value = from.add(step.multiply(BigDecimal.valueOf(i))).setScale(decimals, RoundingMode.HALF_UP);
            values.add(parameter.kind() == SweptParameter.Kind.INTEGER ? integer(parameter, value)
                    : ParamValue.of(value.doubleValue()));
        }
        return values;
    }

    private static BigDecimal number(String name, String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": \"" + text + "\" is not a number");
        }
    }

    private static ParamValue integer(SweptParameter parameter, BigDecimal value) {
        try {
            BigDecimal whole = value.stripTrailingZeros();
            return ParamValue.of(parameter == SweptParameter.SEED ? (Object) whole.longValueExact() : whole.intValueExact());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(parameter.apiName() + " takes whole numbers (was "
                    + value.toPlainString() + ")");
        }
    }

    private static ParamValue bool(String name, String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> ParamValue.of(Boolean.TRUE);
            case "false" -> ParamValue.of(Boolean.FALSE);
            default -> throw new IllegalArgumentException(name + " is true or false (was \"" + text + "\")");
        };
    }

    /** Null when the value may be sent, else the validator's line about it. */
    private static String boundsProblem(SweptParameter parameter, ParamValue value) {
        if (value.omitted()) {
            return null;
        }
        ChatSettings probe = new ChatSettings("probe", null, "probe", null, null, null, null, null, null,
                null, false, false, null);
        if (parameter == SweptParameter.TOP_LOGPROBS) {
            probe = SweptParameter.LOGPROBS.applyTo(probe, ParamValue.of(Boolean.TRUE));
        }
        List<String> problems = RequestValidator.problems(parameter.applyTo(probe, value)
                .toRequest(List.of(ChatMessage.user("probe"))));
        return problems.stream().filter(p -> p.startsWith(parameter.apiName() + ":")).findFirst().orElse(null);
    }
}
