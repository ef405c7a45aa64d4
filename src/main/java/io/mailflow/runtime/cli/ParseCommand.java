package io.mailflow.runtime.cli;

import io.mailflow.core.line.HostZones;
import io.mailflow.core.line.LogLineParser;
import io.mailflow.core.line.LogLineReader;
import io.mailflow.core.line.ParseResult;
import io.mailflow.json.JsonLinesWriter;
import java.io.BufferedWriter;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mailflow parse}: reads Web Crossing log files, or standard input, and writes one JSON
 * event per line to standard output and one JSON reject per unreadable line to standard error.
 * Blank lines give nothing. Exits 0 even when lines are rejected; 1 if an input cannot be read.
 */
@Command(
        name = "parse",
        mixinStandardHelpOptions = true,
        description = {
            "Reads Web Crossing log lines into JSON events, one per line on standard output.",
            "Lines that cannot be read go to standard error as JSON rejects."
        })
final class ParseCommand implements Callable<Integer> {
    private static final String STDIN = "-";
    private static final int OUTPUT_BUFFER = 64 * 1024;
    // A closed pipe (e.g. `| head`) is noticed this often; PrintWriter only reports it on asking.
    private static final int LINES_BETWEEN_OUTPUT_CHECKS = 65_536;

    @Spec CommandSpec spec;

    @Option(
            names = "--host",
            paramLabel = "HOST",
            description =
                    "The host that wrote the input, since lines do not name it. Default: each"
                            + " file's name without its extension; 'stdin' for standard input.")
    String host;

    @Option(
            names = "--zone",
            paramLabel = "[HOST=]ZONE",
            converter = ZoneAssignment.Converter.class,
            description =
                    "The time zone a host writes its log in, e.g. Europe/Berlin or +02:00;"
                            + " without HOST= the zone of every host not named. Repeatable."
                            + " Default: UTC.")
    List<ZoneAssignment> zones = new ArrayList<>();

    @Parameters(
            paramLabel = "FILE",
            arity = "0..*",
            description = "Log files to read; '-' or none reads standard input.")
    List<String> files = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        LogLineReader reader = new LogLineReader(new LogLineParser(hostZones()));
        List<String> inputs = files.isEmpty() ? List.of(STDIN) : files;
        inputs.forEach(ParseCommand::checkReadable);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Output output = new Output(out, err);
        try {
            for (String input : inputs) {
                read(reader, input, output);
            }
        } finally {
            output.flush();
        }
        return 0;
    }

    private HostZones hostZones() {
        try {
            return ZoneAssignment.toHostZones(zones);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    private void read(LogLineReader reader, String input, Output output) throws IOException {
        String inputHost = host != null ? host : hostOf(input);
        boolean stdin = input.equals(STDIN);
        try (InputStream in = stdin ? new UnclosedStream(System.in) : open(input)) {
            reader.read(inputHost, in, output::accept);
        } catch (IOException e) {
            output.flush();
            String name = stdin ? "standard input" : input;
            throw new UserException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    private static InputStream open(String file) throws IOException {
        return Files.newInputStream(Path.of(file));
    }

    /** Fails before any output if a file cannot be read, so no input is half done. */
    private static void checkReadable(String input) {
        if (input.equals(STDIN)) {
            return;
        }
        Path path = Path.of(input);
        if (!Files.exists(path)) {
            throw new UserException("cannot read " + input + ": no such file");
        }
        if (!Files.isRegularFile(path)) {
            throw new UserException("cannot read " + input + ": not a regular file");
        }
        if (!Files.isReadable(path)) {
            throw new UserException("cannot read " + input + ": permission denied");
        }
    }

    /** The file's name without its extension: {@code /x/mail01.log} is {@code mail01}. */
    static String hostOf(String input) {
        if (input.equals(STDIN)) {
            return "stdin";
        }
        Path name = Path.of(input).getFileName();
        String file = name == null ? input : name.toString();
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }

    /** Standard input, left open when the command is done with it. */
    private static final class UnclosedStream extends FilterInputStream {
        UnclosedStream(InputStream in) {
            super(in);
        }

        @Override
        public void close() {}
    }

    /** Events to standard output, rejects to standard error, both buffered. */
    private static final class Output {
        private final PrintWriter out;
        private final BufferedWriter outBuffer;
        private final BufferedWriter errBuffer;
        private final JsonLinesWriter events;
        private final JsonLinesWriter rejects;
        private long lines;

        Output(PrintWriter out, PrintWriter err) throws IOException {
            this.out = out;
            this.outBuffer = new BufferedWriter(out, OUTPUT_BUFFER);
            this.errBuffer = new BufferedWriter(err, OUTPUT_BUFFER);
            this.events = new JsonLinesWriter(outBuffer);
            this.rejects = new JsonLinesWriter(errBuffer);
        }

        void accept(ParseResult result) throws IOException {
            if (result instanceof ParseResult.Parsed parsed) {
                events.write(parsed.event());
            } else if (result instanceof ParseResult.Rejected rejected) {
                rejects.write(rejected.reject());
            }
            if (++lines % LINES_BETWEEN_OUTPUT_CHECKS == 0) {
                checkOutput();
            }
        }

        void flush() throws IOException {
            events.flush();
            rejects.flush();
            outBuffer.flush();
            errBuffer.flush();
            checkOutput();
        }

        private void checkOutput() {
            if (out.checkError()) {
                throw new UserException("cannot write to standard output");
            }
        }
    }
}
