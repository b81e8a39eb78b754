package parley.ui.models;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import parley.provider.ModelInfo;

/** How a model's price and context length read beside its name. */
public final class ModelText {
    private ModelText() {}

    /** "$0.40 in · $1.20 out per M tokens · 163,840 tokens context", or "" when nothing is known. */
    public static String details(ModelInfo m) {
        List<String> parts = new ArrayList<>();
        if (m.inputPrice() != null || m.outputPrice() != null) {
            parts.add(price(m.inputPrice()) + " in · " + price(m.outputPrice()) + " out per M tokens");
        }
        if (m.contextLength() != null) {
            parts.add(NumberFormat.getIntegerInstance(Locale.ROOT).format(m.contextLength()) + " tokens context");
        }
        return String.join(" · ", parts);
    }

    private static String price(BigDecimal p) {
        if (p == null) return "?";
        BigDecimal shown = p.stripTrailingZeros();
        if (shown.scale() < 2) shown = shown.setScale(2);
        return "$" + shown.toPlainString();
    }
}
