package parley.team;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The name of this computer, as shared rows record it. */
public final class Computer {
    private static volatile String name;

    private Computer() {}

    /** The host's name (the environment's when it says, else the resolver's); may look the host up: not on the JavaFX thread. */
    public static String name() {
        String known = name;
        if (known != null) return known;
        String found = firstOf(System.getenv("HOSTNAME"), System.getenv("COMPUTERNAME"));
        if (found == null) {
            try {
                found = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                found = "unknown";
            }
        }
        name = found;
        return found;
    }

    private static String firstOf(String a, String b) {
        if (a != null && !a.isBlank()) return a.strip();
        return b != null && !b.isBlank() ? b.strip() : null;
    }
}
