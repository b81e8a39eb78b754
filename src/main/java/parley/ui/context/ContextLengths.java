package parley.ui.context;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import parley.provider.ModelInfo;

/** The context lengths the providers' model lists told, by server and model. Safe from any thread. */
final class ContextLengths {
    private final Map<String, Integer> lengths = new ConcurrentHashMap<>();

    void listed(String baseUrl, List<ModelInfo> models) {
        for (ModelInfo model : models) {
            if (model.contextLength() != null && model.contextLength() > 0) {
                lengths.put(key(baseUrl, model.id()), model.contextLength());
            }
        }
    }

    /** The model's context length on that server, null when no list told it. */
    Integer of(String baseUrl, String model) {
        return baseUrl == null || model == null ? null : lengths.get(key(baseUrl, model));
    }

    private static String key(String baseUrl, String model) {
        return baseUrl + "\n" + model;
    }
}
