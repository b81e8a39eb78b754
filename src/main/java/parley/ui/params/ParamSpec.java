package parley.ui.params;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One numeric request parameter as the seed describes it: its JSON name, bounds, default and text.
 * {@code sliderMax} is where the slider ends; the field accepts up to {@code max}.
 */
public record ParamSpec(String key, String label, double min, double max, double sliderMax,
                        double step, double defaultValue, boolean integer, boolean includedByDefault,
                        String description) {

    public static final ParamSpec MAX_TOKENS = new ParamSpec("max_tokens", "Max tokens", 1, 1_048_576,
            32_768, 1, 1024, true, true,
            "The maximum number of tokens to generate in the completion. Min 1.");
    public static final ParamSpec TEMPERATURE = new ParamSpec("temperature", "Temperature", 0, 2, 2,
            0.05, 0.7, false, true,
            "Sampling temperature between 0 and 2. Higher values make output more random, lower values"
                    + " more focused and deterministic.");
    public static final ParamSpec TOP_P = new ParamSpec("top_p", "Top P", 0, 1, 1, 0.01, 1, false, false,
            "Nucleus sampling parameter. The model considers the tokens with top_p probability mass.");
    public static final ParamSpec FREQUENCY_PENALTY = new ParamSpec("frequency_penalty",
            "Frequency penalty", -2, 2, 2, 0.05, 0, false, false,
            "Penalizes new tokens based on their existing frequency in the text so far."
                    + " Between -2.0 and 2.0.");
    public static final ParamSpec PRESENCE_PENALTY = new ParamSpec("presence_penalty",
            "Presence penalty", -2, 2, 2, 0.05, 0, false, false,
            "Penalizes new tokens based on whether they appear in the text so far. Between -2.0 and 2.0.");

    /** The value snapped to the step's precision and held inside the bounds. */
    public double normalize(double value) {
        if (Double.isNaN(value)) return defaultValue;
        double clamped = Math.max(min, Math.min(max, value));
        if (integer) return Math.round(clamped);
        int scale = BigDecimal.valueOf(step).stripTrailingZeros().scale();
        return BigDecimal.valueOf(clamped).setScale(Math.max(scale, 0), RoundingMode.HALF_UP).doubleValue();
    }

    /** "0.7", "1024": how the value is written in the field and in the request. */
    public String format(double value) {
        if (integer) return Long.toString(Math.round(value));
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    public String rangeText() {
        return integer ? "at least " + format(min) : format(min) + " to " + format(max);
    }
}
