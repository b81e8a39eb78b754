package parley.engine;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a GGUF file's header (magic {@code GGUF}, version, tensor count, key/value count, the typed
 * key/values, the tensor descriptions) without reading the weights, as llama.cpp's {@code gguf.md}
 * lays it out. Version 1 counts in 32 bits, versions 2 and 3 in 64; all numbers are little-endian.
 * Not thread-confined: each call reads its own stream.
 */
public final class GgufReader {
    static final int MAGIC = 0x46554747; // "GGUF" read as a little-endian int
    private static final int MAX_STRING = 64 << 20;
    private static final int MAX_DIMS = 8;

    private final DataInputStream in;
    private final int version;

    private GgufReader(DataInputStream in, int version) {
        this.in = in;
        this.version = version;
    }

    /** The header; {@link GgufException} with a sentence for the user when the file is not one. */
    public static GgufHeader read(Path file) throws GgufException {
        try (InputStream raw = Files.newInputStream(file)) {
            DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16));
            return readHeader(in, file);
        } catch (EOFException e) {
            throw new GgufException(file.getFileName() + " ends inside its header: the file is truncated "
                    + "(an interrupted download?). Download it again.");
        } catch (IOException e) {
            throw new GgufException("cannot read " + file + ": " + e.getMessage());
        }
    }

    private static GgufHeader readHeader(DataInputStream in, Path file) throws IOException {
        int magic = Integer.reverseBytes(in.readInt());
        if (magic != MAGIC) {
            throw new GgufException(file.getFileName() + " is not a GGUF model file (it does not start with \"GGUF\"). "
                    + "The built-in engine reads .gguf files, as LM Studio, Ollama and Hugging Face offer them.");
        }
        int version = Integer.reverseBytes(in.readInt());
        if (version < 1 || version > 3) {
            throw new GgufException(file.getFileName() + " is GGUF version " + version + ", which this engine does not read (1 to 3).");
        }
        GgufReader reader = new GgufReader(in, version);
        long tensors = reader.count();
        long kvs = reader.count();
        Map<String, Object> values = new LinkedHashMap<>();
        for (long i = 0; i < kvs; i++) {
            String key = reader.string();
            values.put(key, reader.value(reader.u32()));
        }
        long parameters = 0;
        for (long i = 0; i < tensors; i++) {
            parameters += reader.tensorElements();
        }
        return new GgufHeader(version, tensors, values, parameters);
    }

    private long tensorElements() throws IOException {
        string(); // name
        int dims = u32();
        if (dims < 0 || dims > MAX_DIMS) {
            throw new GgufException("a tensor of the file has " + dims + " dimensions: the header is damaged.");
        }
        long elements = 1;
        for (int d = 0; d < dims; d++) {
            elements *= count();
        }
        u32(); // type
        u64(); // offset
        return elements;
    }

    private Object value(int type) throws IOException {
        return switch (type) {
            case 0 -> (long) in.readUnsignedByte();
            case 1 -> (long) in.readByte();
            case 2 -> (long) Short.toUnsignedInt(Short.reverseBytes(in.readShort()));
            case 3 -> (long) Short.reverseBytes(in.readShort());
            case 4 -> Integer.toUnsignedLong(u32());
            case 5 -> (long) u32();
            case 6 -> (double) Float.intBitsToFloat(u32());
            case 7 -> in.readUnsignedByte() != 0;
            case 8 -> string();
            case 9 -> array();
            case 10, 11 -> u64();
            case 12 -> Double.longBitsToDouble(u64());
            default -> throw new GgufException("a value of unknown type " + type + " in the header: the file is damaged or newer than this engine.");
        };
    }

    private GgufHeader.ArrayValue array() throws IOException {
        int type = u32();
        long length = count();
        for (long i = 0; i < length; i++) {
            value(type);
        }
        return new GgufHeader.ArrayValue(type, length);
    }

    private String string() throws IOException {
        long length = count();
        if (length > MAX_STRING) {
            throw new GgufException("a string of " + length + " bytes in the header: the file is damaged.");
        }
        byte[] bytes = in.readNBytes((int) length);
        if (bytes.length < length) {
            throw new EOFException();
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private long count() throws IOException {
        long value = version == 1 ? Integer.toUnsignedLong(u32()) : u64();
        if (value < 0) {
            throw new GgufException("a count of " + Long.toUnsignedString(value) + " in the header: the file is damaged.");
        }
        return value;
    }

    private int u32() throws IOException {
        return Integer.reverseBytes(in.readInt());
    }

    private long u64() throws IOException {
        return Long.reverseBytes(in.readLong());
    }
}
