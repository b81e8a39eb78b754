package parley.ui.experiment;

import parley.experiment.Target;
import parley.provider.ModelInfo;
import parley.ui.models.ModelText;

/** A model that can join an experiment: where it runs, and what its provider's list says of it (price, readiness). */
public record ModelChoice(Target target, String providerName, ModelInfo info) {
    /** "model · Provider", as the check list names it. */
    public String label() {
        return target.model() + " · " + providerName;
    }

    /** "$0.40 in · $1.20 out per M tokens · not ready", or "" when nothing is known. */
    public String details() {
        String text = info == null ? "" : ModelText.details(info);
        if (info != null && !info.ready()) text = text.isEmpty() ? "not ready" : text + " · not ready";
        return text;
    }

    @Override
    public String toString() {
        return label();
    }
}
