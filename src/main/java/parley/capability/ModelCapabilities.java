package parley.capability;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one model of one provider does with each parameter. A parameter no row and no learned fact
 * names is {@linkplain Support#ACCEPTED accepted}: an unknown model has everything enabled.
 *
 * @param providerId the provider's id ({@code custom} for a server added by its base URL)
 * @param model      the model's id
 * @param known      the parameters that are not simply accepted, by name ({@link Parameters})
 */
public record ModelCapabilities(String providerId, String model, Map<String, Support> known) {
    public ModelCapabilities {
        known = Map.copyOf(known);
    }

    /** Everything accepted: what nothing is known about. */
    public static ModelCapabilities unknown(String providerId, String model) {
        return new ModelCapabilities(providerId, model, Map.of());
    }

    /**
     * What the model does with {@code parameter} (an API name, or {@code response_format.json_object} /
     * {@code response_format.json_schema}); a kind of JSON output no row names follows {@code response_format}.
     */
    public Support status(String parameter) {
        Support own = known.get(parameter);
        if (own != null) {
            return own;
        }
        if (parameter.startsWith(Parameters.RESPONSE_FORMAT + ".")) {
            return known.getOrDefault(Parameters.RESPONSE_FORMAT, Support.ACCEPTED);
        }
        return Support.ACCEPTED;
    }

    /** These capabilities with {@code parameter} set to {@code support}. */
    public ModelCapabilities with(String parameter, Support support) {
        Map<String, Support> changed = new LinkedHashMap<>(known);
        if (support.accepted()) {
            changed.remove(parameter);
        } else {
            changed.put(parameter, support);
        }
        return new ModelCapabilities(providerId, model, changed);
    }
}
