package parley.chat;

/** Told about every finished request, on the thread that finished it. */
@FunctionalInterface
public interface ExchangeListener {
    void finished(ExchangeRecord record);
}
