package io.mailflow.runtime.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParameterException;

/** The {@code mailflow} command: reads Web Crossing logs and turns them into delivery outcomes. */
@Command(
        name = "mailflow",
        mixinStandardHelpOptions = true,
        versionProvider = Mailflow.Version.class,
        description = "Turns Web Crossing mail server logs into delivery outcomes.",
        subcommands = {
            ParseCommand.class,
            ClassifyCommand.class,
            GenerateCommand.class,
            RunCommand.class,
            ReplayCommand.class,
            DemoCommand.class,
            ShipCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Mailflow implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with mailflow's error handling: one line per problem, non-zero exit. */
    public static CommandLine commandLine() {
        return new CommandLine(new Mailflow())
                .setParameterExceptionHandler(Mailflow::badArguments)
                .setExecutionExceptionHandler(Mailflow.failure());
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a command is required");
    }

    private static int badArguments(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.printf(
                "%s: %s (see '%s --help')%n",
                cmd.getCommandName(), e.getMessage(), cmd.getCommandSpec().qualifiedName());
        err.flush();
        return ExitCodes.USAGE;
    }

    private static IExecutionExceptionHandler failure() {
        return (e, cmd, parsed) -> {
            PrintWriter err = cmd.getErr();
            if (e instanceof UserException) {
                err.printf("%s: %s%n", cmd.getCommandName(), e.getMessage());
                err.flush();
                return ExitCodes.FAILURE;
            }
            err.printf("%s: unexpected failure: %s%n", cmd.getCommandName(), e);
            err.flush();
            return ExitCodes.SOFTWARE;
        };
    }

    /** Reads the version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Mailflow.class.getPackage().getImplementationVersion();
            return new String[] {"mailflow " + (version == null ? "(development)" : version)};
        }
    }
}
