package parley.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import parley.chat.BackendFactory;
import parley.chat.ChatSettings;
import parley.engine.EngineBackend;
import parley.engine.EngineException;
import parley.engine.EngineHost;
import parley.engine.GgufException;
import parley.engine.ModelFacts;
import parley.provider.ProviderProfile;
import parley.provider.Providers;

/** {@code --provider local-gguf --model-file F}: the built-in engine for one command, ended with it. */
final class LocalEngine implements AutoCloseable {
    private final EngineHost host;
    private final EngineBackend backend;
    private final ModelFacts model;

    private LocalEngine(EngineHost host, ModelFacts model) {
        this.host = host;
        this.backend = new EngineBackend(host);
        this.model = model;
    }

    /** The engine for the options' model file, or null when another provider is asked for. */
    static LocalEngine of(ConnectionOptions connection, Map<String, String> env) {
        Path file = connection.modelFile();
        if (file == null && connection.profile().equals(Providers.LOCAL_GGUF)) {
            throw new BadInput("--provider local-gguf needs --model-file FILE.gguf: the model to run on this computer "
                    + "('parley models --provider local-gguf' lists those found here).");
        }
        if (file == null) {
            return null;
        }
        if (!Files.isRegularFile(file)) {
            throw new BadInput("--model-file " + file + ": no such file. Give the path of a .gguf model file.");
        }
        EngineHost host = EngineHost.forApp(nativesFolder(env));
        try {
            return new LocalEngine(host, host.select(file));
        } catch (GgufException | EngineException e) {
            host.close();
            throw new BadInput(e.getMessage());
        }
    }

    /** The request options with the model file's name as the model, and usage always reported. */
    ChatSettings settings(RequestOptions request, ProviderProfile profile) {
        ChatSettings s = request.settings(profile, model.alias());
        return new ChatSettings(Providers.LOCAL_GGUF.id(), null, s.model(), s.systemPrompt(), s.maxTokens(),
                s.temperature(), s.topP(), s.frequencyPenalty(), s.presencePenalty(), s.stop(), s.stream(),
                true, s.extra(), s.extended());
    }

    BackendFactory backends() {
        return settings -> backend;
    }

    @Override
    public void close() {
        backend.close();
        host.close();
    }

    /** Where the engine's native library is unpacked: the data folder, not a shared temporary folder. */
    static Path nativesFolder(Map<String, String> env) {
        Path folder = DataHome.folder(env).resolve("engine");
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            return Path.of(System.getProperty("java.io.tmpdir"));
        }
        return folder;
    }
}
