package parley.ui.chat;

import java.util.function.BooleanSupplier;
import javafx.animation.AnimationTimer;

/**
 * Runs a task once per frame until the task answers false. The window uses {@link #fx()} (once per
 * JavaFX pulse); tests use {@link #immediate()}, which runs it at once on the calling thread.
 * {@code start} and {@code stop} are called on the UI thread.
 */
public interface FrameClock {
    void start(BooleanSupplier perFrame);

    void stop();

    /** One call per JavaFX pulse, through an {@link AnimationTimer}. */
    static FrameClock fx() {
        return new FrameClock() {
            private BooleanSupplier task = () -> false;
            private final AnimationTimer timer = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    if (!task.getAsBoolean()) stop();
                }
            };

            @Override
            public void start(BooleanSupplier perFrame) {
                task = perFrame;
                timer.start();
            }

            @Override
            public void stop() {
                timer.stop();
            }
        };
    }

    /** Runs the task at once, again and again, until it answers false. */
    static FrameClock immediate() {
        return new FrameClock() {
            @Override
            public void start(BooleanSupplier perFrame) {
                while (perFrame.getAsBoolean()) {
                    Thread.onSpinWait();
                }
            }

            @Override
            public void stop() {}
        };
    }
}
