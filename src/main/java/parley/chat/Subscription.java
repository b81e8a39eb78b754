package parley.chat;

/** Ends a listener registration. Closing twice does nothing. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {
    @Override
    void close();
}
