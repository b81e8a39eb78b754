package parley.cli;

import java.io.PrintStream;
import java.util.Map;

/** What a command works with: its output streams, the environment and the usage hook. */
public record CliContext(PrintStream out, PrintStream err, Map<String, String> env, UsageHook usage) {}
