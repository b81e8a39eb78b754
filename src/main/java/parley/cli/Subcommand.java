package parley.cli;

import java.util.concurrent.Callable;

/**
 * A subcommand: runs and returns its exit code. Bad input becomes one line and exit code 2; any
 * other failure one line and exit code 1. Never a stack trace.
 */
abstract class Subcommand implements Callable<Integer> {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int BAD_INPUT = 2;
    private static final System.Logger LOG = System.getLogger(Subcommand.class.getName());

    protected final CliContext context;

    Subcommand(CliContext context) {
        this.context = context;
    }

    @Override
    public final Integer call() {
        try {
            return run();
        } catch (BadInput e) {
            context.err().println("parley: " + e.getMessage());
            return BAD_INPUT;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            context.err().println("parley: interrupted");
            return FAILED;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "the command failed", e);
            context.err().println("parley: " + oneLine(e));
            return FAILED;
        }
    }

    protected abstract int run() throws InterruptedException;

    static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
