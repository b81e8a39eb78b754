package parley.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import parley.engine.FoundModel;
import parley.engine.GgufException;
import parley.engine.ModelFacts;
import parley.engine.ModelFinder;

/**
 * {@code parley models --provider local-gguf}: the GGUF files on this computer (or the one of
 * {@code --model-file}) with their header's facts, and whether the built-in engine runs them.
 */
final class LocalModels {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LocalModels() {}

    static int print(Path modelFile, CliContext context, boolean json) {
        List<FoundModel> models = modelFile == null
                ? ModelFinder.forUser(DataHome.folder(context.env())).find()
                : List.of(one(modelFile));
        if (json) {
            context.out().println(json(models));
        } else if (models.isEmpty()) {
            context.err().println("parley: no .gguf files in Parley's models folder, LM Studio's, Ollama's or the Hugging Face cache");
        } else {
            models.forEach(m -> context.out().println(line(m)));
        }
        context.out().flush();
        return Subcommand.OK;
    }

    private static FoundModel one(Path file) {
        try {
            return new FoundModel("file", file.getFileName().toString(), file, ModelFacts.read(file), null);
        } catch (GgufException e) {
            throw new BadInput(e.getMessage());
        }
    }

    private static String line(FoundModel m) {
        if (m.facts() == null) {
            return m.name() + "  (" + m.source() + ")  unreadable: " + m.problem() + "  " + m.file();
        }
        ModelFacts f = m.facts();
        return m.name() + "  (" + m.source() + ")  " + f.architecture() + "  " + orDash(f.parameters()) + "  "
                + orDash(f.quantization()) + "  " + (f.contextLength() == null ? "-" : f.contextLength() + " tokens context")
                + "  " + (f.fileSize() >> 20) + " MB" + (m.runnable() ? "" : "  (needs Ollama or llama-server)") + "  " + m.file();
    }

    private static String json(List<FoundModel> models) {
        ArrayNode list = JSON.createArrayNode();
        for (FoundModel m : models) {
            ObjectNode node = list.addObject();
            node.put("name", m.name());
            node.put("source", m.source());
            node.put("file", m.file().toString());
            node.put("runnable", m.runnable());
            node.put("problem", m.problem());
            ModelFacts f = m.facts();
            node.put("architecture", f == null ? null : f.architecture());
            node.put("parameters", f == null ? null : f.parameterCount());
            node.put("quantization", f == null ? null : f.quantization());
            node.put("context_length", f == null ? null : f.contextLength());
            node.put("file_size", f == null ? null : f.fileSize());
        }
        try {
            return JSON.writeValueAsString(list);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String orDash(String value) {
        return value == null ? "-" : value;
    }
}
