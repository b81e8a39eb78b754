package parley.experiment;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import parley.api.ChatCall;

/**
 * The requests of a run still in flight, so that Stop can close them all and Cancel one cell's; a call
 * added after Stop, or for a cell cancelled before it was sent, is closed at once.
 */
final class RunningCalls {
    private final Set<ChatCall> calls = ConcurrentHashMap.newKeySet();
    private final Map<Integer, ChatCall> byCell = new ConcurrentHashMap<>();
    private final Set<Integer> cancelled = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;

    void add(ChatCall call) {
        calls.add(call);
        if (stopped) {
            call.close();
        }
    }

    /** A cell's own request (not its judge's): Cancel of that cell closes it. */
    void add(int cell, ChatCall call) {
        byCell.put(cell, call);
        add(call);
        if (cancelled.contains(cell)) {
            call.close();
        }
    }

    void remove(ChatCall call) {
        calls.remove(call);
    }

    void remove(int cell, ChatCall call) {
        byCell.remove(cell, call);
        remove(call);
    }

    boolean stopped() { return stopped; }

    boolean cancelled(int cell) { return stopped || cancelled.contains(cell); }

    void stopAll() {
        stopped = true;
        calls.forEach(ChatCall::close);
    }

    /** Closes the cell's request in flight, or the one it would send later. */
    void cancel(int cell) {
        cancelled.add(cell);
        ChatCall call = byCell.get(cell);
        if (call != null) {
            call.close();
        }
    }
}
