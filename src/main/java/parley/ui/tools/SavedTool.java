package parley.ui.tools;

/** A function as the panel keeps it between runs: the schema as typed (valid or not) and its canned result. */
public record SavedTool(String name, String description, String schema, Boolean strict, String cannedResult) {}
