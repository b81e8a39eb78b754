package parley.experiment;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import parley.api.ChatCall;

/** The requests of a run still in flight, so that Stop can close them all; a call added after Stop is closed at once. */
final class RunningCalls {
    private final Set<ChatCall> calls = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;

    void add(ChatCall call) {
        calls.add(call);
        if (stopped) {
            call.close();
        }
    }

    void remove(ChatCall call) {
        calls.remove(call);
    }

    boolean stopped() { return stopped; }

    void stopAll() {
        stopped = true;
        calls.forEach(ChatCall::close);
    }
}
