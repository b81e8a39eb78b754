package parley.ui.models;

import java.util.List;
import parley.api.ApiException;
import parley.provider.ModelInfo;
import parley.provider.ProviderProfile;

/** Fetches a provider's model list with a key (null for none). Called off the UI thread. */
@FunctionalInterface
public interface ModelLister {
    List<ModelInfo> models(ProviderProfile profile, String apiKey) throws ApiException;
}
