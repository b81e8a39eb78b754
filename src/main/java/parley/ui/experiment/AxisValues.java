package parley.ui.experiment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import parley.experiment.ParamValue;
import parley.ui.params.ParamSpec;

/**
 * The values of one swept parameter, from a range with a step or from a typed list, checked against
 * the parameter's own bounds. A range includes its end when a whole number of steps reaches it, and
 * each value is rounded to the step's decimals ({@code 0..1 step 0.3} is 0, 0.3, 0.6, 0.9).
 */
final class AxisValues {
    /** At most this many values on one axis: past it a step is surely a typo. */
    static final int MAX_VALUES = 1000;

    private AxisValues() {}

    /** The values, or a message naming what to change. */
    record Result(List<ParamValue> values, String message) {
        static Result refused(String message) { return new Result(List.of(), message); }
        boolean ok() { return message.isEmpty(); }
    }

    static Result range(ParamSpec spec, BigDecimal from, BigDecimal to, String stepText, boolean omit) {
        BigDecimal step;
        try {
            step = new BigDecimal(stepText.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            return Result.refused("The step of " + spec.key() + " is a number, not \"" + stepText.strip() + "\".");
        }
        if (step.signum() <= 0) return Result.refused("The step of " + spec.key() + " must be above 0.");
        if (spec.integer() && step.stripTrailingZeros().scale() > 0) {
            return Result.refused(spec.key() + " takes whole numbers: make the step a whole number.");
        }
        if (from.compareTo(to) > 0) return Result.refused("The range of " + spec.key() + " starts above its end.");
        String bounds = bounds(spec, from);
        if (bounds == null) bounds = bounds(spec, to);
        if (bounds != null) return Result.refused(bounds);
        long steps = to.subtract(from).divide(step, 0, RoundingMode.FLOOR).longValueExact();
        if (steps + 1 > MAX_VALUES) {
            return Result.refused(spec.key() + " would take " + (steps + 1) + " values: make the step larger (at most "
                    + MAX_VALUES + " values).");
        }
        int scale = Math.max(step.stripTrailingZeros().scale(), 0);
        List<ParamValue> values = new ArrayList<>();
        for (long i = 0; i <= steps; i++) {
            values.add(number(spec, from.add(step.multiply(BigDecimal.valueOf(i))).setScale(scale, RoundingMode.HALF_UP)));
        }
        if (omit) values.add(ParamValue.OMIT);
        return new Result(values, "");
    }

    /** "0, 0.5, 1" or "0.2 0.4 omit": numbers within the bounds, or omit. */
    static Result list(ParamSpec spec, String text, boolean omit) {
        List<ParamValue> values = new ArrayList<>();
        for (String word : text.strip().split("[,;\\s]+")) {
            if (word.isEmpty()) continue;
            if (word.equalsIgnoreCase("omit")) {
                values.add(ParamValue.OMIT);
                continue;
            }
            BigDecimal value;
            try {
                value = new BigDecimal(word);
            } catch (NumberFormatException e) {
                return Result.refused(spec.key() + " takes numbers " + spec.rangeText() + " or omit, not \"" + word + "\".");
            }
            if (spec.integer() && value.stripTrailingZeros().scale() > 0) {
                return Result.refused(spec.key() + " takes whole numbers, not " + word + ".");
            }
            String bounds = bounds(spec, value);
            if (bounds != null) return Result.refused(bounds);
            values.add(number(spec, value));
        }
        if (omit && !values.contains(ParamValue.OMIT)) values.add(ParamValue.OMIT);
        if (values.isEmpty()) return Result.refused("Give " + spec.key() + " at least one value.");
        return new Result(values.stream().distinct().toList(), "");
    }

    private static String bounds(ParamSpec spec, BigDecimal value) {
        double v = value.doubleValue();
        return v < spec.min() || v > spec.max() ? spec.key() + " must be " + spec.rangeText() + ", not " + value.toPlainString() + "." : null;
    }

    private static ParamValue number(ParamSpec spec, BigDecimal value) {
        if (spec.integer()) return ParamValue.of(value.longValue());
        return ParamValue.of(value.stripTrailingZeros().doubleValue());
    }
}
