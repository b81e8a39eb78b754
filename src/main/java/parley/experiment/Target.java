package parley.experiment;

import java.util.Objects;

/**
 * A model at a provider: the provider's id, the base URL of a custom server (null for a configured
 * provider) and the model's id. One column of an experiment's model axis.
 */
public record Target(String provider, String baseUrl, String model) {
    public Target {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
    }

    /** "model @ provider", as cells and column headers show it. */
    public String label() { return model + " @ " + provider; }
}
