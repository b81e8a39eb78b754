package parley.log;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.logging.ErrorManager;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * Writes the log to {@code NAME.log} in one folder and, when the next line would take it past the
 * size limit, shifts it to {@code NAME.log.1} (and {@code .1} to {@code .2} …), keeping
 * {@code count} files in all. Each line is flushed, so a crash leaves it on disk.
 *
 * <p>One file has one writer: the handler holds a lock on {@code NAME.log.lck}; a second process
 * with the same name writes {@code NAME-2.log} instead. A folder or file that cannot be written is
 * told to {@link LogTrouble} once and the handler then drops what it is given.
 */
public final class RotatingFileHandler extends Handler {
    private static final int MAX_WRITERS = 10;

    private final Path folder;
    private final long limitBytes;
    private final int count;
    private Path file;
    private FileChannel lockChannel;
    private FileLock lock;
    private OutputStream out;
    private long size;

    private RotatingFileHandler(Path folder, long limitBytes, int count, LogTrouble trouble) {
        this.folder = folder;
        this.limitBytes = limitBytes;
        this.count = Math.max(1, count);
        setErrorManager(trouble);
        setFormatter(new LogLineFormat());
    }

    /** Opens {@code folder/NAME.log} for appending (creating the folder); never throws. */
    public static RotatingFileHandler open(Path folder, String name, long limitBytes, int count, LogTrouble trouble) {
        RotatingFileHandler handler = new RotatingFileHandler(folder, limitBytes, count, trouble);
        handler.openFile(name, trouble);
        return handler;
    }

    /** The file being written, or null when none could be opened. */
    public synchronized Path file() {
        return file;
    }

    public Path folder() {
        return folder;
    }

    private void openFile(String name, LogTrouble trouble) {
        try {
            Files.createDirectories(folder);
            for (int writer = 1; writer <= MAX_WRITERS && lock == null; writer++) {
                Path candidate = folder.resolve(writer == 1 ? name + ".log" : name + "-" + writer + ".log");
                if (tryLock(candidate)) file = candidate;
            }
            if (file == null) {
                trouble.report("The log folder " + folder + " is in use by " + MAX_WRITERS + " other Parley processes; this one writes no log.");
                return;
            }
            openStream();
        } catch (IOException | RuntimeException e) {
            releaseLock();
            file = null;
            trouble.report("The log cannot be written in " + folder + " (" + describe(e) + "); Parley goes on without it.");
        }
    }

    private boolean tryLock(Path candidate) throws IOException {
        FileChannel channel = FileChannel.open(lockFile(candidate), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock taken = channel.tryLock();
            if (taken != null) {
                lockChannel = channel;
                lock = taken;
                return true;
            }
        } catch (OverlappingFileLockException heldInThisProcess) {
            // another handler of this process writes that file
        }
        channel.close();
        return false;
    }

    private void openStream() throws IOException {
        size = Files.exists(file) ? Files.size(file) : 0;
        out = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND));
    }

    @Override
    public void publish(LogRecord record) {
        if (!isLoggable(record)) return;
        String text;
        try {
            text = getFormatter().format(record);
        } catch (RuntimeException e) {
            reportError("a log line could not be formatted", e, ErrorManager.FORMAT_FAILURE);
            return;
        }
        write(text.getBytes(StandardCharsets.UTF_8));
    }

    private synchronized void write(byte[] bytes) {
        if (out == null) return;
        try {
            if (size > 0 && size + bytes.length > limitBytes) rotate();
            out.write(bytes);
            out.flush();
            size += bytes.length;
        } catch (IOException e) {
            reportError("the log could not be written", e, ErrorManager.WRITE_FAILURE);
        }
    }

    private void rotate() throws IOException {
        out.close();
        for (int i = count - 1; i >= 1; i--) {
            Path older = generation(i - 1);
            if (Files.exists(older)) {
                Files.move(older, generation(i), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (count == 1) Files.deleteIfExists(file);
        openStream();
    }

    /** Generation 0 is the file being written, 1 the one before it, and so on. */
    private Path generation(int n) {
        return n == 0 ? file : file.resolveSibling(file.getFileName() + "." + n);
    }

    @Override
    public synchronized void flush() {
        if (out == null) return;
        try {
            out.flush();
        } catch (IOException e) {
            reportError("the log could not be flushed", e, ErrorManager.FLUSH_FAILURE);
        }
    }

    @Override
    public synchronized void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                reportError("the log could not be closed", e, ErrorManager.CLOSE_FAILURE);
            }
            out = null;
        }
        releaseLock();
    }

    private void releaseLock() {
        try {
            if (lock != null) lock.release();
            if (lockChannel != null) lockChannel.close();
            if (file != null) Files.deleteIfExists(lockFile(file));
        } catch (IOException ignored) {
            // the lock goes with the process anyway
        }
        lock = null;
        lockChannel = null;
    }

    private static Path lockFile(Path log) {
        return log.resolveSibling(log.getFileName() + ".lck");
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
