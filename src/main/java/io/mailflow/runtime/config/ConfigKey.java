package io.mailflow.runtime.config;

import java.util.Locale;
import java.util.Objects;

/**
 * One configuration key of mailflow: its dotted lowercase name, one sentence of documentation, its
 * default as it would be written in the properties file, and how its text becomes a value.
 *
 * <p>The environment variable and the command-line flag are derived from the name: {@code
 * bootstrap.servers} is {@code MAILFLOW_BOOTSTRAP_SERVERS} and {@code --bootstrap-servers}.
 *
 * @param <T> the type of the value
 */
public final class ConfigKey<T> {
    /** Prefix of the environment variables that set configuration keys. */
    public static final String ENV_PREFIX = "MAILFLOW_";

    private final String name;
    private final String doc;
    private final String defaultText;
    private final String defaultDescription;
    private final String expected;
    private final ValueParser<T> parser;

    private ConfigKey(
            String name,
            String doc,
            String defaultText,
            String defaultDescription,
            String expected,
            ValueParser<T> parser) {
        this.name = Objects.requireNonNull(name, "name can't be null");
        this.doc = Objects.requireNonNull(doc, "doc can't be null");
        this.defaultText = Objects.requireNonNull(defaultText, "defaultText can't be null");
        this.defaultDescription =
                Objects.requireNonNull(defaultDescription, "defaultDescription can't be null");
        this.expected = Objects.requireNonNull(expected, "expected can't be null");
        this.parser = Objects.requireNonNull(parser, "parser can't be null");
        if (!name.matches("[a-z][a-z0-9]*(\\.[a-z0-9]+)*")) {
            throw new IllegalArgumentException("key name '" + name + "' is not dotted lowercase");
        }
    }

    /** A key whose default is the value of {@code defaultText}, shown as such in the docs. */
    static <T> ConfigKey<T> of(
            String name, String doc, String defaultText, String expected, ValueParser<T> parser) {
        String shown = defaultText.isEmpty() ? "(none)" : "`" + defaultText + "`";
        return new ConfigKey<>(name, doc, defaultText, shown, expected, parser);
    }

    /** A key whose default is derived from other keys, so the docs describe it in words. */
    static <T> ConfigKey<T> derived(
            String name,
            String doc,
            String defaultDescription,
            String expected,
            ValueParser<T> parser) {
        return new ConfigKey<>(name, doc, "", defaultDescription, expected, parser);
    }

    /** The dotted lowercase name, as used in the properties file. */
    public String name() {
        return name;
    }

    /** One sentence saying what the key sets. */
    public String doc() {
        return doc;
    }

    /** The text used when no source sets the key; empty means "not set". */
    public String defaultText() {
        return defaultText;
    }

    /** The default as the documentation shows it. */
    public String defaultDescription() {
        return defaultDescription;
    }

    /** What a valid value looks like, completing "expected ...". */
    public String expected() {
        return expected;
    }

    /** {@code MAILFLOW_} followed by the name in upper case, dots turned into underscores. */
    public String envName() {
        return envNameOf(name);
    }

    /** {@code --} followed by the name, dots turned into dashes. */
    public String flagName() {
        return "--" + name.replace('.', '-');
    }

    /**
     * Turns the text of this key into its value.
     *
     * @throws IllegalArgumentException if the text is not valid; the message may say why
     */
    public T parse(String text) {
        return parser.parse(text.trim());
    }

    static String envNameOf(String key) {
        return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    @Override
    public String toString() {
        return name;
    }

    /**
     * Turns a key's text into a value.
     *
     * @param <T> the type of the value
     */
    @FunctionalInterface
    interface ValueParser<T> {
        /**
         * @throws IllegalArgumentException (or a subclass) if the text is not valid
         */
        T parse(String text);
    }
}
