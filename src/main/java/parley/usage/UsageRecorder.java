package parley.usage;

import parley.chat.ExchangeListener;
import parley.chat.ExchangeRecord;

/** Puts every request the window's chat finishes on the ledger. */
public final class UsageRecorder implements ExchangeListener {
    private static final System.Logger LOG = System.getLogger(UsageRecorder.class.getName());

    private final UsageTracker tracker;

    public UsageRecorder(UsageTracker tracker) {
        this.tracker = tracker;
    }

    @Override
    public void finished(ExchangeRecord record) {
        RequestOrigin origin = new RequestOrigin(record.providerId(), record.baseUrl(), record.conversationId(),
                record.messageId(), LedgerEntry.WINDOW);
        try {
            tracker.record(origin, record.request(), record.result());
        } catch (RuntimeException e) {
            // the reply itself is kept in the conversation; only its ledger row is lost
            LOG.log(System.Logger.Level.WARNING, "the usage ledger could not record a request", e);
        }
    }
}
