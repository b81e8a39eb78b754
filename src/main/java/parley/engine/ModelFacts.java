package parley.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a GGUF file's header says about its model, read without loading it.
 *
 * @param parameterCount from the tensor shapes; null when the file has no tensors listed
 * @param sizeLabel      {@code general.size_label} (e.g. "7B"), or null
 * @param quantization   from {@code general.file_type} (e.g. "Q4_K_M"), or null when absent
 * @param contextLength  the context the model was trained for, or null when absent
 * @param layers         {@code ARCH.block_count}, or null
 * @param kvWidth        the key/value width per layer and token ({@code embedding * kv heads / heads}), or null
 */
public record ModelFacts(Path file, long fileSize, String name, String architecture, Long parameterCount,
                         String sizeLabel, String quantization, Integer contextLength, boolean loadable,
                         boolean addsBos, Integer layers, Integer kvWidth) {
    private static final Map<Long, String> FILE_TYPES = Map.ofEntries(
            Map.entry(0L, "F32"), Map.entry(1L, "F16"), Map.entry(2L, "Q4_0"), Map.entry(3L, "Q4_1"),
            Map.entry(7L, "Q8_0"), Map.entry(8L, "Q5_0"), Map.entry(9L, "Q5_1"), Map.entry(10L, "Q2_K"),
            Map.entry(11L, "Q3_K_S"), Map.entry(12L, "Q3_K_M"), Map.entry(13L, "Q3_K_L"), Map.entry(14L, "Q4_K_S"),
            Map.entry(15L, "Q4_K_M"), Map.entry(16L, "Q5_K_S"), Map.entry(17L, "Q5_K_M"), Map.entry(18L, "Q6_K"),
            Map.entry(19L, "IQ2_XXS"), Map.entry(20L, "IQ2_XS"), Map.entry(21L, "Q2_K_S"), Map.entry(22L, "IQ3_XS"),
            Map.entry(23L, "IQ3_XXS"), Map.entry(24L, "IQ1_S"), Map.entry(25L, "IQ4_NL"), Map.entry(26L, "IQ3_S"),
            Map.entry(27L, "IQ3_M"), Map.entry(28L, "IQ2_S"), Map.entry(29L, "IQ2_M"), Map.entry(30L, "IQ4_XS"),
            Map.entry(31L, "IQ1_M"), Map.entry(32L, "BF16"), Map.entry(36L, "TQ1_0"), Map.entry(37L, "TQ2_0"));

    /** The facts of the file; {@link GgufException} when it is not a GGUF file or is cut short. */
    public static ModelFacts read(Path file) throws GgufException {
        GgufHeader header = GgufReader.read(file);
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new GgufException("cannot read " + file + ": " + e.getMessage());
        }
        return of(file, size, header);
    }

    static ModelFacts of(Path file, long size, GgufHeader header) {
        String architecture = header.string("general.architecture");
        Long fileType = header.number("general.file_type");
        String quantization = fileType == null ? null : FILE_TYPES.getOrDefault(fileType, "type " + fileType);
        Boolean bos = header.bool("tokenizer.ggml.add_bos_token");
        return new ModelFacts(file, size, header.string("general.name"), architecture,
                header.tensorCount() == 0 ? null : header.parameterCount(), header.string("general.size_label"),
                quantization, toInt(header.archNumber("context_length")), EngineBuild.canLoad(architecture),
                bos == null || bos, toInt(header.archNumber("block_count")), kvWidth(header));
    }

    /** The file's name without {@code .gguf}: the model's id in {@code parley serve}. */
    public String alias() {
        String fileName = file.getFileName().toString();
        return fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".gguf")
                ? fileName.substring(0, fileName.length() - 5) : fileName;
    }

    /** "1.2M", "7.6B": the parameter count for people, or the size label when there is no count. */
    public String parameters() {
        if (parameterCount == null) {
            return sizeLabel;
        }
        double n = parameterCount;
        if (n >= 1e9) {
            return String.format(java.util.Locale.ROOT, "%.1fB", n / 1e9);
        }
        return n >= 1e6 ? String.format(java.util.Locale.ROOT, "%.1fM", n / 1e6)
                : String.format(java.util.Locale.ROOT, "%.1fK", n / 1e3);
    }

    private static Integer kvWidth(GgufHeader header) {
        Long embedding = header.archNumber("embedding_length");
        Long heads = header.archNumber("attention.head_count");
        Long kvHeads = header.archNumber("attention.head_count_kv");
        if (embedding == null || heads == null || heads == 0) {
            return null;
        }
        return toInt(embedding * (kvHeads == null ? heads : kvHeads) / heads);
    }

    private static Integer toInt(Long value) {
        return value == null || value > Integer.MAX_VALUE || value < 0 ? null : value.intValue();
    }
}
