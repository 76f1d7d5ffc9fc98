package dev.frostline.bench;

/** One URL under test, named for the report (for example "direct" or "gateway"). */
record Target(String name, String url) {

    /** Parses {@code name=url}. */
    static Target parse(String spec) {
        int eq = spec.indexOf('=');
        if (eq <= 0 || eq == spec.length() - 1) {
            throw new IllegalArgumentException("--target must be name=url, got: " + spec);
        }
        return new Target(spec.substring(0, eq), spec.substring(eq + 1));
    }
}
