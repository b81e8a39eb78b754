package parley;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import parley.cli.Cli;
import parley.cli.LedgerHook;
import parley.cli.WarmUp;
import parley.log.AppLog;
import parley.log.Failures;
import parley.network.NetworkSetup;
import parley.store.DataFolder;
import parley.store.SqliteLibrary;
import parley.ui.DesktopApp;
import parley.ui.StartupSmoke;

/** No arguments: the window. A subcommand: the command line, exiting with its code. */
public final class Main {
    private Main() {}

    /** {@code parley NAME.parley.json}: the window, with that session open. */
    static boolean opensSessionFile(String[] args) {
        return args.length == 1 && args[0].toLowerCase(java.util.Locale.ROOT).endsWith(parley.history.SessionFile.EXTENSION);
    }

    public static void main(String[] args) {
        // sqlite-jdbc logs through SLF4J (bound to java.util.logging); this keeps SLF4J's own notes off stderr
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        NetworkSetup.prepareJvm(); // before any HTTP client or proxy selector exists
        SqliteLibrary.cacheIn(DataFolder.resolve().resolve("native")); // not copied out of its jar at every start
        if (args.length == 0 || opensSessionFile(args)) {
            startWindowLog();
            openWindow(args);
            return;
        }
        if (args.length == 1 && args[0].equals(StartArchive.FLAG)) { // run by the install scripts
            System.exit(StartArchive.writeForLauncher(System.out, System.err));
        }
        if (StartupSmoke.requested(List.of(args))) { // start-up check for installers: window, first frame, exit
            startWindowLog();
            openWindow(args);
            return;
        }
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        WarmUp.start();
        startLog(AppLog.CLI).trouble().onTrouble(trouble -> err.println("parley: " + trouble));
        int code = Cli.run(args, out, err, System.getenv(), new LedgerHook(System.getenv(), err, java.time.Clock.systemDefaultZone()));
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** The window's log, opened beside the toolkit's start; every uncaught failure logged there. */
    private static void startWindowLog() {
        Failures.install();
        AppLog.startInBackground(DataFolder.resolve(), AppLog.WINDOW);
    }

    /** The log file of this process, and every uncaught failure logged there. */
    private static AppLog startLog(String name) {
        AppLog log = AppLog.start(DataFolder.resolve(), name);
        Failures.install();
        return log;
    }

    private static void openWindow(String[] args) {
        try {
            DesktopApp.launch(args);
        } catch (RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            System.err.println("parley: cannot open the window (" + reason.lines().findFirst().orElse("")
                    + "); on a machine without a display use a subcommand, e.g. parley send --help");
            System.exit(1);
        }
    }
}
