package parley.ui;

/**
 * One part of the window (a panel, a menu, a tracker), built from what a {@link WindowContext}
 * offers. {@link WindowAssembly} installs every feature from one list, tells them when the window is
 * on screen, and closes them with the window. A feature that changes another does it through a small
 * interface the other offers (a send guard, a cost on a reply), never by writing into its state.
 */
public interface WindowFeature extends AutoCloseable {
    /** How a feature goes into a window: usually its constructor, {@code HistoryFeature::new}. */
    @FunctionalInterface
    interface Installer {
        WindowFeature install(WindowContext context);
    }

    /** Work that waits until the window is on screen (a first fetch, a notice). Runs on the FX thread. */
    default void windowShown() {}

    /** Stops listening and lets go of what the feature holds. */
    @Override
    default void close() {}
}
