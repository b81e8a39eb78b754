package parley.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The GGUF files on this computer: Parley's own models folder, LM Studio's
 * ({@code ~/.lmstudio/models}, {@code ~/.cache/lm-studio/models}), Ollama's store
 * ({@code ~/.ollama/models}, or {@code OLLAMA_MODELS}: its manifests name the blobs) and the Hugging
 * Face cache ({@code ~/.cache/huggingface/hub}, or {@code HF_HUB_CACHE} / {@code HF_HOME}). Reads
 * headers only; runs on a background thread.
 */
public final class ModelFinder {
    private static final int MAX_DEPTH = 8;
    private static final String OLLAMA_MODEL_LAYER = "application/vnd.ollama.image.model";
    /** The second and later parts of a split model; the first part names the whole. */
    private static final Pattern LATER_PART = Pattern.compile("-0*([2-9]|[1-9]\\d+)-of-\\d+\\.gguf$", Pattern.CASE_INSENSITIVE);

    private final Path home;
    private final Path parleyModels;
    private final Map<String, String> env;
    private final ObjectMapper json = new ObjectMapper();

    public ModelFinder(Path home, Path parleyModels, Map<String, String> env) {
        this.home = home;
        this.parleyModels = parleyModels;
        this.env = env;
    }

    /** For this user: the home folder, the data folder's {@code models}, and this process's environment. */
    public static ModelFinder forUser(Path dataFolder) {
        return new ModelFinder(Path.of(System.getProperty("user.home")), dataFolder.resolve("models"), System.getenv());
    }

    public List<FoundModel> find() {
        List<FoundModel> found = new ArrayList<>();
        files(parleyModels).forEach(f -> found.add(found("Parley", parleyModels.relativize(f).toString(), f)));
        for (Path lmStudio : List.of(home.resolve(".lmstudio/models"), home.resolve(".cache/lm-studio/models"))) {
            files(lmStudio).forEach(f -> found.add(found("LM Studio", lmStudio.relativize(f).toString(), f)));
        }
        found.addAll(ollama());
        found.addAll(huggingFace());
        found.sort(Comparator.comparing(FoundModel::source).thenComparing(m -> m.name().toLowerCase(Locale.ROOT)));
        return List.copyOf(found);
    }

    private List<FoundModel> ollama() {
        String custom = env.get("OLLAMA_MODELS");
        Path store = custom != null && !custom.isBlank() ? Path.of(custom) : home.resolve(".ollama/models");
        Path manifests = store.resolve("manifests");
        List<FoundModel> found = new ArrayList<>();
        for (Path manifest : walk(manifests, Files::isRegularFile)) {
            Path blob = ollamaBlob(store, manifest);
            if (blob != null) {
                found.add(found("Ollama", ollamaName(manifests.relativize(manifest)), blob));
            }
        }
        return found;
    }

    /** The model layer's blob: {@code blobs/sha256-HEX} for the digest {@code sha256:HEX}. */
    private Path ollamaBlob(Path store, Path manifest) {
        try {
            for (JsonNode layer : json.readTree(manifest.toFile()).path("layers")) {
                if (layer.path("mediaType").asText().equals(OLLAMA_MODEL_LAYER)) {
                    Path blob = store.resolve("blobs").resolve(layer.path("digest").asText().replace(':', '-'));
                    return Files.isRegularFile(blob) ? blob : null;
                }
            }
        } catch (IOException e) {
            // not a manifest
        }
        return null;
    }

    /** {@code registry.ollama.ai/library/llama3.2/3b} is {@code llama3.2:3b}; another namespace stays in the name. */
    private static String ollamaName(Path relative) {
        int n = relative.getNameCount();
        if (n < 2) {
            return relative.toString();
        }
        String model = relative.getName(n - 2) + ":" + relative.getName(n - 1);
        if (n >= 3 && !relative.getName(n - 3).toString().equals("library")) {
            model = relative.getName(n - 3) + "/" + model;
        }
        return model;
    }

    private List<FoundModel> huggingFace() {
        Path hub = huggingFaceHub();
        List<FoundModel> found = new ArrayList<>();
        for (Path repo : walk(hub, 1, p -> Files.isDirectory(p) && p.getFileName().toString().startsWith("models--"))) {
            String repoName = repo.getFileName().toString().substring("models--".length()).replace("--", "/");
            Path snapshots = repo.resolve("snapshots");
            files(snapshots).forEach(f -> found.add(found("Hugging Face",
                    repoName + "/" + f.getFileName(), f)));
        }
        return found;
    }

    private Path huggingFaceHub() {
        String hubCache = env.get("HF_HUB_CACHE");
        if (hubCache != null && !hubCache.isBlank()) {
            return Path.of(hubCache);
        }
        String hfHome = env.get("HF_HOME");
        return hfHome != null && !hfHome.isBlank() ? Path.of(hfHome).resolve("hub") : home.resolve(".cache/huggingface/hub");
    }

    private static FoundModel found(String source, String name, Path file) {
        try {
            return new FoundModel(source, name, file, ModelFacts.read(file), null);
        } catch (GgufException e) {
            return new FoundModel(source, name, file, null, e.getMessage());
        }
    }

    private static List<Path> files(Path folder) {
        return walk(folder, f -> Files.isRegularFile(f) && f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gguf")
                && !LATER_PART.matcher(f.getFileName().toString()).find());
    }

    private static List<Path> walk(Path folder, java.util.function.Predicate<Path> keep) {
        return walk(folder, MAX_DEPTH, keep);
    }

    private static List<Path> walk(Path folder, int depth, java.util.function.Predicate<Path> keep) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(folder, depth)) {
            return paths.filter(p -> !p.equals(folder)).filter(keep).sorted().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            return List.of(); // an unreadable folder hides its models, not the others
        }
    }
}
