package parley.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The test model in the test resources, and GGUF headers written for a test. */
public final class TestModels {
    private TestModels() {}

    /** {@code parley-test-tiny.gguf}: llama, random weights, ChatML, context 2048, F32. */
    public static Path tiny() {
        try {
            return Path.of(TestModels.class.getResource("/models/parley-test-tiny.gguf").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first {@code bytes} bytes of the test model, as an interrupted download leaves it. */
    public static Path truncated(Path folder, int bytes) throws IOException {
        byte[] all = Files.readAllBytes(tiny());
        Path file = folder.resolve("cut-" + bytes + ".gguf");
        Files.write(file, java.util.Arrays.copyOf(all, bytes));
        return file;
    }

    /** A GGUF v3 header with one tensor of 4 x 8 elements, an architecture, and a string array. */
    public static byte[] header(String architecture, long contextLength) {
        Writer w = new Writer();
        w.u32(GgufReader.MAGIC).u32(3).u64(1).u64(5);
        w.string("general.architecture").u32(8).string(architecture);
        w.string("general.name").u32(8).string("Made For A Test");
        w.string("general.file_type").u32(4).u32(15);
        w.string(architecture + ".context_length").u32(4).u32((int) contextLength);
        w.string("tokenizer.ggml.tokens").u32(9).u32(8).u64(2).string("<s>").string("</s>");
        w.string("token_embd.weight").u32(2).u64(4).u64(8).u32(0).u64(0);
        return w.bytes();
    }

    public static Path write(Path folder, String name, byte[] content) throws IOException {
        Path file = folder.resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        return file;
    }

    /** Little-endian GGUF fields. */
    static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Writer u32(int value) {
            out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array());
            return this;
        }

        Writer u64(long value) {
            out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array());
            return this;
        }

        Writer string(String value) {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            u64(bytes.length);
            out.writeBytes(bytes);
            return this;
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
