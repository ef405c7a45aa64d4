package io.mailflow.runtime.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until the classify command is written. */
@Command(name = "classify", mixinStandardHelpOptions = true, description = "Not yet available.")
final class ClassifyCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UserException("classify is not available yet");
    }
}
