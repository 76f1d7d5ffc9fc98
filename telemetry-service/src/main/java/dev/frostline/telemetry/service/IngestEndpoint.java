package dev.frostline.telemetry.service;

/** Where readings came in; a metrics tag, so the set is fixed. */
public enum IngestEndpoint {
    READINGS("readings"),
    LORAWAN_TTS("lorawan-tts");

    private final String tag;

    IngestEndpoint(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }
}
