package parley.ui;

/** A keyboard shortcut as the Help dialog lists it: the keys and what they do. */
public record Shortcut(String keys, String action) {}
