package parley.about;

/** A library bundled with Parley and the licence it comes under. */
public record Licence(String library, String version, String licence, String url) {}
