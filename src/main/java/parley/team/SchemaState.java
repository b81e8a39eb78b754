package parley.team;

/** The workspace's schema version and the newest this Parley knows; a newer one is only read here. */
public record SchemaState(int version, int known) {
    public boolean readOnly() {
        return version > known;
    }

    /** What the user is told when the schema is newer than this Parley. */
    public String readOnlyMessage() {
        return "The team workspace's schema is version " + version + ", newer than this Parley knows (" + known
                + "): it is read-only here. Update Parley to write to it.";
    }
}
