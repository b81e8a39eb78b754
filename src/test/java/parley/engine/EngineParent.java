package parley.engine;

import java.nio.file.Path;
import java.time.Duration;

/** A process that starts an engine child, prints the child's process id, and waits to be killed. */
public final class EngineParent {
    private EngineParent() {}

    public static void main(String[] args) throws Exception {
        EngineProcess engine = EngineProcess.start(EngineCommand.current(Path.of(System.getProperty("java.io.tmpdir"))),
                EngineSettings.DEFAULT, ModelFacts.read(Path.of(args[0])), Duration.ofSeconds(60));
        System.out.println("child " + engine.pid());
        System.out.flush();
        Thread.sleep(Duration.ofMinutes(5));
        System.exit(0);
    }
}
