package parley.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/** Samples the JavaFX thread's stack every few milliseconds and counts frames (for finding where time goes). */
final class FxSampler {
    private final Map<String, Integer> counts = new HashMap<>();
    private final Map<String, Integer> paths = new HashMap<>();
    private volatile boolean running = true;
    private int samples;

    static FxSampler start() {
        FxSampler sampler = new FxSampler();
        Thread fx = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("JavaFX Application Thread")).findFirst().orElseThrow();
        Thread.ofPlatform().daemon().start(() -> {
            while (sampler.running) {
                StackTraceElement[] stack = fx.getStackTrace();
                if (stack.length > 0 && stack[0].getMethodName().startsWith("wait")) {
                    LockSupport.parkNanos(5_000_000);
                    continue;
                }
                synchronized (sampler) {
                    sampler.samples++;
                    StringBuilder path = new StringBuilder();
                    int depth = 0;
                    for (StackTraceElement e : stack) {
                        if (depth++ >= 22) break;
                        path.append(e.getClassName().replaceAll(".*\\.", "")).append('.').append(e.getMethodName()).append(" < ");
                    }
                    sampler.paths.merge(path.toString(), 1, Integer::sum);
                    java.util.Set<String> seen = new java.util.HashSet<>();
                    for (StackTraceElement e : stack) {
                        String key = e.getClassName() + "." + e.getMethodName();
                        if (seen.add(key)) sampler.counts.merge(key, 1, Integer::sum);
                    }
                }
                LockSupport.parkNanos(5_000_000);
            }
        });
        return sampler;
    }

    synchronized void stopAndPrint(int top) {
        running = false;
        System.out.println("samples: " + samples);
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> System.out.printf("%5.1f%% %s%n", 100.0 * e.getValue() / samples, e.getKey()));
        paths.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(25)
                .forEach(e -> System.out.printf("%5.1f%% %s%n", 100.0 * e.getValue() / samples, e.getKey()));
    }
}
