package parley.team;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL for tests: a scratch cluster in a temporary folder, on a free loopback port,
 * made with the installed server's {@code initdb} and stopped when the tests' JVM ends. The server
 * refuses to run as root, so as root it runs as the {@code postgres} user. Logins need a password
 * (scram-sha-256), as on a team's server. Where no PostgreSQL is installed the tests that need one
 * are skipped, unless {@code PARLEY_REQUIRE_POSTGRES} is set (CI), which makes that a failure.
 */
public final class ScratchPostgres {
    public static final String ADMIN = "parley_admin";
    public static final String ADMIN_PASSWORD = "scratch-" + UUID.randomUUID();
    private static ScratchPostgres shared;

    private final Path folder;
    private final Path data;
    private final int port;
    private final Path bin;
    private final boolean asPostgresUser;

    private ScratchPostgres(Path folder, int port, Path bin, boolean asPostgresUser) {
        this.folder = folder;
        this.data = folder.resolve("data");
        this.port = port;
        this.bin = bin;
        this.asPostgresUser = asPostgresUser;
    }

    /** The cluster the tests share, started on first use; skips the test when no PostgreSQL is installed. */
    public static synchronized ScratchPostgres shared() {
        if (shared == null) shared = startNew();
        return shared;
    }

    /** A cluster of the caller's own (a test that stops and restarts its server); stopped at the JVM's end. */
    public static ScratchPostgres startNew() {
        Optional<Path> bin = serverBin();
        if (bin.isEmpty()) {
            if (System.getenv("PARLEY_REQUIRE_POSTGRES") != null) {
                throw new IllegalStateException("PARLEY_REQUIRE_POSTGRES is set but no PostgreSQL server is installed"
                        + " (looked for initdb in /usr/lib/postgresql/*/bin and on the PATH): install Debian's postgresql");
            }
            assumeTrue(false, "no PostgreSQL server is installed (initdb not found)");
        }
        try {
            boolean root = "root".equals(System.getProperty("user.name"));
            Path folder = Files.createTempDirectory("parley-pg-");
            ScratchPostgres pg = new ScratchPostgres(folder, freePort(), bin.get(), root);
            pg.init();
            pg.start();
            Runtime.getRuntime().addShutdownHook(new Thread(pg::destroy));
            return pg;
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("could not start a scratch PostgreSQL: " + e.getMessage(), e);
        }
    }

    public int port() {
        return port;
    }

    /** A new empty database on this cluster, owned by a new role of that name with {@code password}; returns its JDBC URL. */
    public String newDatabase(String role, String password) {
        String name = role;
        try (Connection c = admin("postgres"); Statement st = c.createStatement()) {
            st.execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "'");
            st.execute("CREATE DATABASE " + name + " OWNER " + role);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the database " + name + ": " + e.getMessage(), e);
        }
        return url(name);
    }

    /** A new database with a fresh role of its own, as a team's administrator would make one for Parley. */
    public Db newDatabase() {
        String role = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String password = "pw-" + UUID.randomUUID();
        return new Db(newDatabase(role, password), role, password);
    }

    /** A database's JDBC URL (without the password) and its role's login. */
    public record Db(String url, String user, String password) {}

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** A connection as the cluster's superuser. */
    public Connection admin(String database) throws SQLException {
        return DriverManager.getConnection(url(database), ADMIN, ADMIN_PASSWORD);
    }

    /** Stops the server fast (open connections are cut), as a server that goes away mid-session. */
    public void stop() {
        run(ctl("stop", "-m", "fast"));
    }

    /** Starts the stopped server again on the same port. */
    public void start() {
        run(ctl("start", "-w", "-t", "60", "-l", folder.resolve("server.log").toString(),
                "-o", "-p " + port + " -k " + folder + " -c listen_addresses=127.0.0.1 -c fsync=off"));
    }

    private void init() throws IOException, InterruptedException {
        Path pwfile = folder.resolve("pwfile");
        Files.writeString(pwfile, ADMIN_PASSWORD + "\n");
        if (asPostgresUser) exec(List.of("chown", "-R", "postgres", folder.toString()));
        run(command(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", ADMIN, "-A", "scram-sha-256",
                "--pwfile=" + pwfile, "-E", "UTF8", "--no-sync"));
        Files.delete(pwfile);
    }

    private List<String> ctl(String... args) {
        List<String> all = new ArrayList<>(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString()));
        all.addAll(List.of(args));
        return command(all.toArray(String[]::new));
    }

    private List<String> command(String... args) {
        List<String> all = new ArrayList<>();
        if (asPostgresUser) all.addAll(List.of("runuser", "-u", "postgres", "--"));
        all.addAll(List.of(args));
        return all;
    }

    private void run(List<String> command) {
        try {
            exec(command);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + e.getMessage(), e);
        }
    }

    private void exec(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(command.getFirst() + " ended with " + p.exitValue() + ": " + output.strip());
        }
    }

    private void destroy() {
        try {
            exec(ctl("stop", "-m", "immediate"));
        } catch (IOException | InterruptedException | RuntimeException ignored) {
            // already stopped
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder
        }
    }

    private static Optional<Path> serverBin() {
        Path versions = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(versions)) {
            try (Stream<Path> dirs = Files.list(versions)) {
                Optional<Path> newest = dirs.map(d -> d.resolve("bin"))
                        .filter(d -> Files.isExecutable(d.resolve("initdb")))
                        .max(Comparator.comparingInt(d -> versionOf(d.getParent().getFileName().toString())));
                if (newest.isPresent()) return newest;
            } catch (IOException ignored) {
                // fall through to the PATH
            }
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path initdb = Path.of(dir).resolve("initdb");
            if (Files.isExecutable(initdb)) return Optional.of(realParent(initdb));
        }
        return Optional.empty();
    }

    private static Path realParent(Path file) {
        try {
            return file.toRealPath().getParent();
        } catch (IOException e) {
            return file.getParent();
        }
    }

    private static int versionOf(String name) {
        try {
            return Integer.parseInt(name);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
