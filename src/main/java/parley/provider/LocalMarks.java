package parley.provider;

/**
 * Where the user's marks of custom servers as local are kept. Both calls may touch the database:
 * call them off the UI thread.
 */
public interface LocalMarks {
    /** The local rule with the marks as they are now. */
    Locality load();

    /**
     * Marks the custom server at {@code baseUrl} local, or takes the mark away; true when that changed
     * anything. {@link IllegalArgumentException} with a one-line message for a malformed URL.
     */
    boolean set(String baseUrl, boolean local);
}
