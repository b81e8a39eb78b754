package parley.provider;

import java.util.List;

/** A local server found running: its profile and the models it serves (empty when it listed none). */
public record LocalServer(ProviderProfile profile, List<ModelInfo> models) {
    public LocalServer {
        models = List.copyOf(models);
    }
}
