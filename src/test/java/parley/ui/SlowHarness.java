package parley.ui;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.animation.AnimationTimer;
import org.testfx.util.WaitForAsyncUtils;
import parley.store.SecretStore;

/**
 * Makes the window's slow neighbours slow and watches the JavaFX thread meanwhile: every statement
 * on the database's connection waits {@link #STORE_DELAY_MS}, every keyring read or write
 * {@link #KEYRING_DELAY_MS}, and the scripted provider calls {@link #networkDelay} before it
 * answers. Each delayed call records whether the JavaFX thread was the one waiting; a pulse monitor
 * (an {@link AnimationTimer}) keeps the longest gap between two pulses. Delays and records apply only
 * while {@link #slow} is on, so a test prepares its data at full speed and then measures one action;
 * {@code -Dparley.slowStore=false} records the same calls without their delays (the baseline run).
 */
final class SlowHarness {
    static final long STORE_DELAY_MS = 300;
    static final long KEYRING_DELAY_MS = 3_000;
    /**
     * The longest pulse gap a test accepts: 600 ms by default, as a loaded CI machine's load and GC
     * alone passed 250 ms once (a delayed call on the JavaFX thread fails a test by itself, whatever
     * the gap); {@code -Dparley.pulseBound=50} on a quiet machine.
     */
    static final long PULSE_BOUND_MS = Long.getLong("parley.pulseBound", 600);
    /** {@code -Dparley.slowStore=false}: the same calls recorded without their delays, the baseline run. */
    static final boolean DELAYS = Boolean.parseBoolean(System.getProperty("parley.slowStore", "true"));

    private static final Set<String> STATEMENT_METHODS = Set.of("createStatement", "prepareStatement", "prepareCall");
    /** Frames that show a thread waiting for an HTTP exchange or reading its body. */
    private static final List<String> NETWORK_FRAMES = List.of("jdk.internal.net.http.HttpClientImpl.send",
            "jdk.internal.net.http.ResponseSubscribers$HttpResponseInputStream", "java.net.Socket",
            "sun.nio.ch.NioSocketImpl");

    /** One delayed call: what it was, and the JavaFX thread's part in it (null when it was not involved). */
    record SlowCall(String kind, String what, String fxStack) {
        boolean onFxThread() { return fxStack != null; }
    }

    private final Thread fxThread;
    private final List<SlowCall> calls = new CopyOnWriteArrayList<>();
    private final PulseMonitor pulses = new PulseMonitor();
    private volatile boolean slow;

    private SlowHarness(Thread fxThread) {
        this.fxThread = fxThread;
    }

    /** A harness watching the running JavaFX toolkit; delays off until {@link #slow}. */
    static SlowHarness start() throws Exception {
        SlowHarness harness = new SlowHarness(WaitForAsyncUtils.asyncFx(Thread::currentThread).get(10, TimeUnit.SECONDS));
        WaitForAsyncUtils.asyncFx(harness.pulses::start).get(10, TimeUnit.SECONDS);
        return harness;
    }

    /** Turns the delays on (and starts a fresh record of calls and pulses) or off. */
    void slow(boolean on) {
        if (on) {
            calls.clear();
            pulses.reset();
        }
        slow = on;
    }

    void stop() throws Exception {
        slow = false;
        WaitForAsyncUtils.asyncFx(pulses::stop).get(10, TimeUnit.SECONDS);
    }

    /** The delayed calls since the delays were turned on. */
    List<SlowCall> calls() { return List.copyOf(calls); }

    List<SlowCall> callsOnFxThread() { return calls.stream().filter(SlowCall::onFxThread).toList(); }

    /** The longest gap between two pulses since the delays were turned on, in milliseconds. */
    long longestPulseGapMillis() { return pulses.longestGapMillis(); }

    /** The database connection with every statement delayed. */
    Connection slowConnection(Connection connection) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (STATEMENT_METHODS.contains(method.getName())) {
                delayHere("store", method.getName() + (args != null && args.length > 0 ? " " + args[0] : ""), STORE_DELAY_MS);
            }
            try {
                return method.invoke(connection, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }

    /** A keyring whose reads and writes each wait {@link #KEYRING_DELAY_MS}. */
    SecretStore slowSecrets(SecretStore keyring) {
        return new SecretStore() {
            @Override
            public Optional<String> get(String providerId) {
                delayHere("keyring", "get " + providerId, KEYRING_DELAY_MS);
                return keyring.get(providerId);
            }

            @Override
            public void put(String providerId, String key) {
                delayHere("keyring", "put " + providerId, KEYRING_DELAY_MS);
                keyring.put(providerId, key);
            }

            @Override
            public void forget(String providerId) {
                delayHere("keyring", "forget " + providerId, KEYRING_DELAY_MS);
                keyring.forget(providerId);
            }

            @Override
            public boolean persistent() { return keyring.persistent(); }

            @Override
            public String description() { return keyring.description(); }
        };
    }

    /**
     * Called by the scripted server before it answers {@code what}: waits {@code millis} (when slow)
     * while looking at the JavaFX thread, which must not be among those waiting for the answer.
     */
    void networkDelay(String what, long millis) {
        if (!slow) return;
        String fxWaiting = networkWait(fxThread.getStackTrace());
        long end = System.nanoTime() + (DELAYS ? TimeUnit.MILLISECONDS.toNanos(millis) : 0);
        while (System.nanoTime() < end) {
            if (fxWaiting == null) fxWaiting = networkWait(fxThread.getStackTrace());
            sleep(Math.min(10, Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime()))));
        }
        calls.add(new SlowCall("network", what, fxWaiting));
    }

    private void delayHere(String kind, String what, long millis) {
        if (!slow) return;
        boolean onFx = Thread.currentThread() == fxThread;
        calls.add(new SlowCall(kind, what, onFx ? stack(Thread.currentThread().getStackTrace()) : null));
        if (DELAYS) sleep(millis);
    }

    private static String networkWait(StackTraceElement[] stack) {
        boolean waiting = Arrays.stream(stack).map(e -> e.getClassName() + "." + e.getMethodName())
                .anyMatch(frame -> NETWORK_FRAMES.stream().anyMatch(frame::startsWith));
        return waiting ? stack(stack) : null;
    }

    private static String stack(StackTraceElement[] stack) {
        return Arrays.stream(stack).filter(e -> e.getClassName().startsWith("parley."))
                .map(e -> "    at " + e).collect(Collectors.joining("\n"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The longest time between two pulses of the JavaFX thread. */
    private static final class PulseMonitor extends AnimationTimer {
        private volatile long last;
        private volatile long longest;

        @Override
        public void handle(long now) {
            long time = System.nanoTime();
            if (last != 0) longest = Math.max(longest, time - last);
            last = time;
        }

        void reset() {
            last = 0;
            longest = 0;
        }

        long longestGapMillis() { return TimeUnit.NANOSECONDS.toMillis(longest); }
    }
}
