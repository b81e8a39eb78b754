package parley.engine;

import java.util.Set;

/**
 * What the bundled llama.cpp (inside {@code de.kherud:llama} 4.2.0) can run. Its architecture list is
 * that build's {@code LLM_ARCH_NAMES}; a newer model (qwen3, llama4, gemma3n …) needs a newer
 * llama.cpp, which Ollama or llama-server bring.
 */
public final class EngineBuild {
    /** The llama.cpp build inside the engine's library, as its own log names it. */
    public static final String LLAMA_CPP = "b4916";

    static final Set<String> ARCHITECTURES = Set.of(
            "llama", "deci", "falcon", "grok", "gpt2", "gptj", "gptneox", "mpt", "baichuan", "starcoder",
            "refact", "bert", "nomic-bert", "jina-bert-v2", "bloom", "stablelm", "qwen", "qwen2", "qwen2moe",
            "qwen2vl", "phi2", "phi3", "phimoe", "plamo", "codeshell", "orion", "internlm2", "minicpm",
            "minicpm3", "gemma", "gemma2", "gemma3", "starcoder2", "mamba", "xverse", "command-r", "cohere2",
            "dbrx", "olmo", "olmo2", "olmoe", "openelm", "arctic", "deepseek", "deepseek2", "chatglm",
            "bitnet", "t5", "t5encoder", "jais", "nemotron", "exaone", "rwkv6", "rwkv6qwen2", "rwkv7",
            "arwkv7", "granite", "granitemoe", "chameleon", "wavtokenizer-dec");

    private EngineBuild() {}

    public static boolean canLoad(String architecture) {
        return architecture != null && ARCHITECTURES.contains(architecture);
    }

    /** Why a model of this architecture cannot run here, and what runs it instead. */
    public static String unknownArchitecture(String fileName, String architecture) {
        return fileName + " is a '" + architecture + "' model, an architecture the built-in engine (llama.cpp "
                + LLAMA_CPP + ") does not know. Run it in Ollama or llama.cpp's llama-server instead and choose "
                + "that provider in Parley.";
    }
}
