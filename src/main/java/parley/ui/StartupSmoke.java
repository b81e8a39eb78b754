package parley.ui;

import java.lang.management.ManagementFactory;
import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * {@code --smoke}: shows the window, waits for its first frame, prints the time since the JVM
 * started and exits 0. The installers run it to check an installed app and to record the
 * class-data-sharing archive; the start-up benchmark reads its figure.
 */
public final class StartupSmoke {
    public static final String FLAG = "--smoke";
    private static final long GIVE_UP_MILLIS = 300_000;

    private StartupSmoke() {}

    public static boolean requested(List<String> args) {
        return args.contains(FLAG);
    }

    /** Call after {@code stage.show()}: exits once the first frame of the stage has been drawn. */
    static void exitAfterFirstFrame(Stage stage) {
        startGiveUpTimer();
        new FirstFrameWatch(stage).start();
    }

    /**
     * The first pulse after showing lays out the scene and hands the frame to the render thread;
     * the next pulse cannot synchronise the scene until that frame is drawn, so the second
     * pulse marks the first frame as on screen.
     */
    private static final class FirstFrameWatch extends AnimationTimer {
        private final Stage stage;
        private int pulses;

        FirstFrameWatch(Stage stage) {
            this.stage = stage;
        }

        @Override
        public void handle(long now) {
            if (!stage.isShowing() || ++pulses < 2) {
                return;
            }
            stop();
            long millis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            System.out.println("first frame after " + millis + " ms since JVM start");
            System.out.flush();
            Platform.exit();
            System.exit(0);
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
