package parley.provider;

import java.util.List;
import parley.api.ApiError;
import parley.api.ApiException;

/** Fetches a provider's model list through its client and reads it, prices included where the provider lists them. */
public final class ModelCatalog {
    private final ProviderClients clients;

    public ModelCatalog(ProviderClients clients) {
        this.clients = clients;
    }

    /**
     * The provider's models. {@link ApiException} when the provider or the network fails or the answer
     * is not a model list; {@link IllegalArgumentException} when a needed key is missing.
     */
    public List<ModelInfo> fetch(ProviderProfile profile) throws ApiException {
        var tree = clients.clientFor(profile).fetchModels();
        try {
            return ModelListParser.parse(tree);
        } catch (IllegalArgumentException unreadable) {
            throw new ApiException(new ApiError(ApiError.Kind.PROTOCOL, 200, null, unreadable.getMessage()));
        }
    }
}
