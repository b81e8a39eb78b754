package parley.ui;

import java.util.List;
import parley.LaunchClock;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * {@code --smoke}: shows the window, prints the time since the launch to its first frame, to the
 * first frame of the usable window (transcript, composer, provider bar) and to the first frame with
 * every view built, and exits 0. The installers run it to check an installed
 * app and to record the class-data-sharing archive; the start-up benchmark reads its figures.
 */
public final class StartupSmoke {
    public static final String FLAG = "--smoke";
    /**
     * {@code -Dparley.smoke.until=first-frame} exits right after the first frame, {@code usable}
     * right after the usable window's, e.g. to record a class-data-sharing archive of that much of
     * the start only; {@code window} (the default) once every view is drawn.
     */
    public static final String UNTIL_PROPERTY = "parley.smoke.until";
    private static final long GIVE_UP_MILLIS = 300_000;

    private StartupSmoke() {}

    public static boolean requested(List<String> args) {
        return args.contains(FLAG);
    }

    /**
     * Call after {@code stage.show()}: prints the time to the first frame, then, once
     * {@link Watch#windowBuilt()} was called, the time to the first frame of the built window, and exits.
     */
    static Watch watch(Stage stage) {
        startGiveUpTimer();
        Watch watch = new Watch(stage);
        watch.start();
        return watch;
    }

    /**
     * The first pulse after showing lays out the scene and hands the frame to the render thread;
     * the next pulse cannot synchronise the scene until that frame is drawn, so the second
     * pulse marks the frame as on screen. The same holds for the pulses after the window is built.
     */
    static final class Watch extends AnimationTimer {
        private final Stage stage;
        private volatile boolean usable;
        private volatile boolean built;
        private int pulses;
        private int pulsesSinceUsable;
        private int pulsesSinceBuilt;

        private final String until;

        Watch(Stage stage) {
            this.stage = stage;
            this.until = System.getProperty(UNTIL_PROPERTY, "window");
        }

        /** The usable window (transcript, composer, provider bar) is in the scene; report once it is drawn. */
        void windowUsable() {
            usable = true;
        }

        /** Every view of the window is in the scene; exit once they have been drawn. */
        void windowBuilt() {
            built = true;
        }

        @Override
        public void handle(long now) {
            if (!stage.isShowing()) return;
            if (++pulses == 2) {
                report("first frame after");
                if (until.equals("first-frame")) exit();
            }
            if (pulses < 2) return;
            if (usable && ++pulsesSinceUsable == 2) {
                report("window usable after");
                if (until.equals("usable")) exit();
            }
            if (!built || ++pulsesSinceBuilt < 2) return;
            report("window built after");
            exit();
        }

        private void exit() {
            stop();
            Platform.exit();
            System.exit(0);
        }

        /** The time since the launch ({@link LaunchClock}: a launcher that starts the JVM in its process included), and since the JVM's start. */
        private static void report(String what) {
            System.out.println(what + " " + LaunchClock.millisSinceLaunch() + " ms since launch ("
                    + LaunchClock.millisSinceJvmStart() + " ms since JVM start)");
            System.out.flush();
        }
    }

    private static void startGiveUpTimer() {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(GIVE_UP_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            System.err.println("no frame drawn within " + GIVE_UP_MILLIS / 1000
                    + " s: the window did not come up (is DISPLAY set, or Xvfb running?)");
            System.exit(1);
        }, "smoke-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }
}
