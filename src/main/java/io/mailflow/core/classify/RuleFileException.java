package io.mailflow.core.classify;

/**
 * A rule file that cannot be used: unreadable, malformed, or with an example that its own rule does
 * not decide. The message reads {@code file:line: problem} (or {@code file: problem} when no line
 * is at fault) so that an operator can go straight to the place. Unchecked, because a broken rule
 * file can only stop start-up, and every caller would do the same with it.
 */
public final class RuleFileException extends RuntimeException {
    private final String file;
    private final int line;
    private final String problem;

    /**
     * @param file the rule file as the operator named it
     * @param line the 1-based line at fault, or 0 when the whole file is
     * @param problem what is wrong and what was expected
     */
    public RuleFileException(String file, int line, String problem) {
        this(file, line, problem, null);
    }

    /** As {@link #RuleFileException(String, int, String)}, keeping the cause. */
    public RuleFileException(String file, int line, String problem, Throwable cause) {
        super(line > 0 ? file + ":" + line + ": " + problem : file + ": " + problem, cause);
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    /** The rule file as the operator named it. */
    public String file() {
        return file;
    }

    /** The 1-based line at fault, or 0 when the whole file is. */
    public int line() {
        return line;
    }

    /** What is wrong, without the file and line. */
    public String problem() {
        return problem;
    }
}
