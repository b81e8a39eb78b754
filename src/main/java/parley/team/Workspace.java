package parley.team;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Properties;
import parley.log.LogSecrets;
import parley.store.Migration;
import parley.store.SqlStore;
import parley.store.SqlWork;

/**
 * A team's PostgreSQL workspace: a small pool of connections, the schema migrated on first use.
 * Opening it connects to nothing; the first read or write does, and fails fast ({@link
 * WorkspaceUnavailable}) when the server cannot be reached, so callers fall back to the local file.
 */
public final class Workspace implements SqlStore, AutoCloseable {
    private static final long CONNECT_TIMEOUT_MS = 3_000;

    private final WorkspaceConfig config;
    private final HikariDataSource pool;
    private final List<Migration> steps;
    private volatile SchemaState schema;

    private Workspace(WorkspaceConfig config, HikariDataSource pool, List<Migration> steps) {
        this.config = config;
        this.pool = pool;
        this.steps = steps;
    }

    /** The workspace at {@code config}'s URL; {@code password} may be null (trust, peer or a .pgpass file). */
    public static Workspace open(WorkspaceConfig config, String password) {
        return open(config, password, null);
    }

    /**
     * The same, trusting the certificate authorities in {@code caFile} (the company's CA file, as for
     * providers; may be null) when the URL asks for a verified TLS connection and names no root certificate.
     */
    public static Workspace open(WorkspaceConfig config, String password, String caFile) {
        return open(config, password, TeamSchema.MIGRATIONS, 4, caFile);
    }

    /** The same with the schema steps and pool size given (tests of a newer schema, the benchmark's pools). */
    static Workspace open(WorkspaceConfig config, String password, List<Migration> steps, int poolSize) {
        return open(config, password, steps, poolSize, null);
    }

    private static Workspace open(WorkspaceConfig config, String password, List<Migration> steps, int poolSize,
                                  String caFile) {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(config.url());
        if (config.user() != null) hikari.setUsername(config.user());
        if (password != null) {
            LogSecrets.remember(password);
            hikari.setPassword(password);
        }
        hikari.setPoolName("parley-team");
        hikari.setMaximumPoolSize(poolSize);
        hikari.setMinimumIdle(0);
        hikari.setConnectionTimeout(CONNECT_TIMEOUT_MS);
        hikari.setValidationTimeout(1_000);
        hikari.setInitializationFailTimeout(-1);
        hikari.setDataSourceProperties(connectionProperties(config.url(), caFile));
        return new Workspace(config, new HikariDataSource(hikari), steps);
    }

    /** What the driver is given beside the URL: timeouts, the application's name, the CA file when TLS wants one. */
    static Properties connectionProperties(String url, String caFile) {
        Properties properties = new Properties();
        properties.setProperty("connectTimeout", "3");
        properties.setProperty("socketTimeout", "30");
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("ApplicationName", "Parley");
        if (caFile != null && !caFile.isBlank() && JdbcUrls.wantsRootCertificate(url)) {
            properties.setProperty("sslrootcert", caFile.strip());
        }
        return properties;
    }

    public WorkspaceConfig config() {
        return config;
    }

    /** Connects and migrates the schema if that has not happened yet; returns its state. */
    public SchemaState prepare() {
        SchemaState known = schema;
        if (known != null) return known;
        synchronized (this) {
            if (schema == null) schema = call(c -> TeamMigrator.migrate(c, steps));
            return schema;
        }
    }

    /** True when the workspace's schema is newer than this Parley knows: it is read, never written. */
    public boolean readOnly() {
        return prepare().readOnly();
    }

    @Override
    public <T> T read(SqlWork<T> work) {
        prepare();
        return call(work);
    }

    @Override
    public <T> T write(SqlWork<T> work) {
        SchemaState state = prepare();
        if (state.readOnly()) throw new WorkspaceUnavailable(state.readOnlyMessage());
        return call(c -> {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        });
    }

    private <T> T call(SqlWork<T> work) {
        try (Connection c = pool.getConnection()) {
            try {
                return work.run(c);
            } catch (SQLException e) {
                throw unavailable(e, lost(c));
            }
        } catch (SQLException e) {
            throw unavailable(e, false);
        }
    }

    /** True when the connection died under the work (the server stopped or the network dropped). */
    private static boolean lost(Connection c) {
        try {
            return !c.isValid(1);
        } catch (SQLException e) {
            return true;
        }
    }

    private WorkspaceUnavailable unavailable(SQLException e, boolean lost) {
        String where = JdbcUrls.withoutPassword(config.url());
        if (lost || unreachable(e)) {
            return new WorkspaceUnavailable("The team workspace at " + where + " cannot be reached ("
                    + firstLine(e) + "); Parley goes on with this computer's data and sends what is queued when it is back.", e, true);
        }
        if ("28P01".equals(e.getSQLState()) || "28000".equals(e.getSQLState())) {
            return new WorkspaceUnavailable("The team workspace at " + where + " refused the login: " + firstLine(e)
                    + ". Check the user and password (parley team connect … --user U --password-env VAR).", e, false);
        }
        return new WorkspaceUnavailable("The team workspace at " + where + " refused the work: " + firstLine(e), e, false);
    }

    /**
     * True for a failure to reach the server or a connection lost mid-way: SQL state class 08, the
     * server shutting down (57P0x), a pool timeout, an I/O failure underneath.
     */
    static boolean unreachable(SQLException e) {
        if (e instanceof SQLTransientConnectionException) return true;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null
                    && (s.getSQLState().startsWith("08") || s.getSQLState().startsWith("57P0"))) return true;
            if (t instanceof java.io.IOException) return true;
        }
        return false;
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is gone; the server rolls the transaction back itself
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
