package parley.store;

/**
 * A SQL database that runs pieces of work: the local SQLite file ({@link Database}) or a team's
 * PostgreSQL workspace. Code written once against it, in SQL both understand, serves both.
 */
public interface SqlStore {
    /** Runs {@code work} outside a transaction; use it for reads. */
    <T> T read(SqlWork<T> work);

    /** Runs {@code work} in one transaction: all of it is stored, or none of it. */
    <T> T write(SqlWork<T> work);
}
