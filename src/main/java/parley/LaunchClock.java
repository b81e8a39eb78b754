package parley;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The time since this process was launched, a launcher that then started the JVM in it included
 * (jpackage's launcher, or the Linux launcher script, which execs the JVM). On Linux it is read from
 * /proc to the hundredth of a second: {@code ProcessHandle}'s start time counts from the boot time
 * rounded to the second, up to a second off. Elsewhere, the time since the JVM started.
 * <p>Uses nothing else of Parley: the start-up benchmark compiles it into its bare window.
 */
public final class LaunchClock {
    private static final double TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux architecture Java runs on

    private LaunchClock() {}

    public static long millisSinceLaunch() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            double startedSeconds = Long.parseLong(fields[19]) / TICKS_PER_SECOND; // field 22, starttime
            double uptimeSeconds = Double.parseDouble(Files.readString(Path.of("/proc/uptime")).split(" ")[0]);
            return Math.round((uptimeSeconds - startedSeconds) * 1000);
        } catch (IOException | RuntimeException e) {
            return millisSinceJvmStart();
        }
    }

    public static long millisSinceJvmStart() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }
}
