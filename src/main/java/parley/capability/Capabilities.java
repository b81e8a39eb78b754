package parley.capability;

/**
 * The built-in capability table ({@code capabilities.tsv} beside this class): what each provider's
 * models accept, ignore or refuse. What servers refused later is added by {@link CapabilityService}.
 */
public final class Capabilities {
    /** The table shipped with Parley, read once. */
    public static final CapabilityTable BUILT_IN = CapabilityTable.resource("capabilities.tsv");

    private Capabilities() {}

    /**
     * What the built-in table says of the model {@code model} of provider {@code providerId}
     * ({@code custom} for a server added by its base URL); everything accepted when it says nothing.
     */
    public static ModelCapabilities of(String providerId, String model) {
        return BUILT_IN.lookup(providerId, model);
    }

    /** As {@link #of(String, String)}, with {@code thinking} on when the request turns the model's thinking on ({@link Thinking}). */
    public static ModelCapabilities of(String providerId, String model, boolean thinking) {
        return BUILT_IN.lookup(providerId, model, thinking);
    }
}
