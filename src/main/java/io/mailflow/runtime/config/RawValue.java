package io.mailflow.runtime.config;

/**
 * The text of a key as a source gave it, with where it came from for messages.
 *
 * @param text the value as written, not yet parsed
 * @param origin where it came from, e.g. {@code flag --http-port} or {@code environment
 *     MAILFLOW_HTTP_PORT}
 */
record RawValue(String text, String origin) {
    static RawValue fromDefault(ConfigKey<?> key) {
        return new RawValue(key.defaultText(), "default");
    }
}
