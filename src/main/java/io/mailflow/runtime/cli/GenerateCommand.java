package io.mailflow.runtime.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until the generate command is written. */
@Command(name = "generate", mixinStandardHelpOptions = true, description = "Not yet available.")
final class GenerateCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UserException("generate is not available yet");
    }
}
