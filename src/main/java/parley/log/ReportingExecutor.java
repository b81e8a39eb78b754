package parley.log;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The window's background executor: a task that throws does not vanish with its thread but reaches
 * the log and the failure notice ({@link Failures}), named after the class that handed it in
 * ("Usage" for a task of {@code UsageViewModel}). {@code submit} keeps its contract: the failure
 * belongs to whoever holds the future.
 */
public final class ReportingExecutor extends AbstractExecutorService {
    private final ExecutorService delegate;

    public ReportingExecutor(ExecutorService delegate) {
        this.delegate = delegate;
    }

    @Override
    public void execute(Runnable task) {
        delegate.execute(() -> {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                Failures.report(Failures.featureName(task.getClass().getName()), e);
            }
        });
    }

    @Override public void shutdown() { delegate.shutdown(); }
    @Override public List<Runnable> shutdownNow() { return delegate.shutdownNow(); }
    @Override public boolean isShutdown() { return delegate.isShutdown(); }
    @Override public boolean isTerminated() { return delegate.isTerminated(); }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return delegate.awaitTermination(timeout, unit);
    }
}
