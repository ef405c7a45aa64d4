package io.mailflow.runtime.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until the parse command is written. */
@Command(name = "parse", mixinStandardHelpOptions = true, description = "Not yet available.")
final class ParseCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UserException("parse is not available yet");
    }
}
