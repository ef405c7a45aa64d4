package io.mailflow.runtime.config;

import java.util.List;

/**
 * The configuration cannot be used. Each problem names the key, where its value came from, the
 * value itself unless it is a secret, and what was expected.
 */
public final class ConfigException extends RuntimeException {
    private final List<String> problems;

    ConfigException(List<String> problems, Throwable cause) {
        super(summary(problems), cause);
        this.problems = List.copyOf(problems);
    }

    ConfigException(String problem) {
        this(List.of(problem), null);
    }

    /** Every problem found, one sentence each. */
    public List<String> problems() {
        return problems;
    }

    private static String summary(List<String> problems) {
        if (problems.size() == 1) {
            return problems.get(0);
        }
        return problems.size() + " configuration problems: " + String.join("; ", problems);
    }
}
