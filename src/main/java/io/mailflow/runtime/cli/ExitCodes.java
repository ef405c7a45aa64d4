package io.mailflow.runtime.cli;

/** The exit codes of every mailflow command. */
final class ExitCodes {
    /** Bad input or an unusable file, named in the one-line message. */
    static final int FAILURE = 1;

    /** Unknown option, missing or malformed argument. */
    static final int USAGE = 2;

    /** A fault of mailflow itself. */
    static final int SOFTWARE = 70;

    private ExitCodes() {}
}
