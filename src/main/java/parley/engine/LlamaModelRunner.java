package parley.engine;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaIterator;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LlamaOutput;
import de.kherud.llama.LogLevel;
import de.kherud.llama.ModelParameters;
import de.kherud.llama.Pair;
import de.kherud.llama.args.LogFormat;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import parley.api.ChatMessage;

/**
 * A GGUF model loaded by llama.cpp through {@code de.kherud:llama}. Only {@code parley serve}'s
 * process creates one: the library starts a native thread that keeps the JVM alive and closing a
 * model can crash, so the process ends with {@code System.exit} and never closes it.
 */
final class LlamaModelRunner implements LocalModel {
    private final LlamaModel model;
    private final boolean addsBos;

    private LlamaModelRunner(LlamaModel model, boolean addsBos) {
        this.model = model;
        this.addsBos = addsBos;
    }

    /** Loads the model; llama.cpp's warnings and errors go to {@code log}, and all of it when verbose. */
    static LlamaModelRunner load(ModelFacts facts, int contextSize, int threads, PrintStream log, boolean verbose) {
        PrintStream stdout = System.out;
        System.setOut(log); // the library announces its native library's extraction on System.out
        try {
            return loadQuietly(facts, contextSize, threads, log, verbose);
        } finally {
            System.setOut(stdout);
        }
    }

    private static LlamaModelRunner loadQuietly(ModelFacts facts, int contextSize, int threads, PrintStream log, boolean verbose) {
        LlamaModel.setLogger(LogFormat.TEXT, (level, message) -> {
            if (verbose || level == LogLevel.WARN || level == LogLevel.ERROR) {
                log.print(message);
            }
        });
        ModelParameters parameters = new ModelParameters()
                .setModel(facts.file().toString())
                .setCtxSize(contextSize)
                .setParallel(1);
        if (threads > 0) {
            parameters.setThreads(threads);
        }
        if (!verbose) {
            parameters.disableLog(); // the bundled server's own progress lines; llama.cpp's warnings still reach the logger
        }
        return new LlamaModelRunner(new LlamaModel(parameters), facts.addsBos());
    }

    @Override
    public String prompt(List<ChatMessage> messages) {
        String system = null;
        List<Pair<String, String>> turns = new ArrayList<>();
        for (ChatMessage message : messages) {
            if (message.role().equals(ChatMessage.SYSTEM) && system == null && turns.isEmpty()) {
                system = message.content();
            } else {
                turns.add(new Pair<>(message.role(), message.content()));
            }
        }
        return model.applyTemplate(new InferenceParameters("").setMessages(system, turns));
    }

    @Override
    public int promptTokens(String prompt) {
        return model.encode(prompt).length + (addsBos ? 1 : 0);
    }

    @Override
    public int generate(String prompt, Generation generation, TokenSink sink) {
        InferenceParameters parameters = new InferenceParameters(prompt)
                .setNPredict(generation.maxTokens())
                .setTemperature((float) generation.temperature())
                .setTopP((float) generation.topP())
                .setFrequencyPenalty((float) generation.frequencyPenalty())
                .setPresencePenalty((float) generation.presencePenalty());
        if (!generation.stop().isEmpty()) {
            parameters.setStopStrings(generation.stop().toArray(String[]::new));
        }
        if (generation.seed() != null) {
            parameters.setSeed(generation.seed());
        }
        LlamaIterator tokens = model.generate(parameters).iterator();
        int count = 0;
        while (tokens.hasNext()) {
            LlamaOutput output = tokens.next();
            boolean last = !tokens.hasNext(); // the closing result carries no token of its own
            count += last ? 0 : 1;
            if (!output.text.isEmpty() && !sink.accept(output.text) && !last) {
                tokens.cancel();
                break;
            }
        }
        return count;
    }
}
