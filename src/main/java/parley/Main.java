package parley;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import parley.cli.Cli;
import parley.cli.UsageHook;
import parley.ui.DesktopApp;

/** No arguments: the window. A subcommand: the command line, exiting with its code. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        // sqlite-jdbc logs through SLF4J; without a binding SLF4J would print a warning on every run
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        if (args.length == 0) {
            DesktopApp.launch(args);
            return;
        }
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int code = Cli.run(args, out, err, System.getenv(), UsageHook.NONE);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
