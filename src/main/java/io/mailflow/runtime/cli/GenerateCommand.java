package io.mailflow.runtime.cli;

import io.mailflow.generate.GenerationSummary;
import io.mailflow.generate.GeneratorSettings;
import io.mailflow.generate.LogGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code mailflow generate}: writes realistic logs of many hosts with their ground truth. */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = {
            "Writes realistic Web Crossing logs of many hosts, one file each (DIR/mail01.log, ...),"
                    + " and beside them the exact ground truth (DIR/truth/).",
            "The same options always give byte-identical files. Times are UTC."
        },
        footerHeading = "%nGround truth in DIR/truth/, one JSON object per line, times in UTC:%n",
        footer = {
            "  deliveries.jsonl  one per recipient of each queued message:",
            "                    host, messageId, recipient, sender,",
            "                    origin (SMTP_IN|INTERNAL), clientIp (null if INTERNAL),",
            "                    queuedAt, status (DELIVERED|BOUNCED|EXPIRED|STALLED|",
            "                    DEFERRED|QUEUED), errorCategory (of the latest error",
            "                    line, or null), attempts (error lines but the expiry",
            "                    line, plus 1 if sent), completedAt (null while open)",
            "  inbound.jsonl     mail for local mailboxes:",
            "                    host, sender, recipient, clientIp, receivedAt",
            "  sessions.jsonl    host, protocol (POP3|IMAP), user (null without login),",
            "                    clientIp, connectAt, loginAt, disconnectAt (or null)",
            "  damaged.jsonl     lines a parser must reject:",
            "                    host, lineNumber (1-based), damage, expectedReason",
            "  summary.json      lines per host (with lastLineAt) and in total, blank",
            "                    and damaged lines, events by type, deliveries by",
            "                    status, inbound, sessions, holdHours",
            "An open delivery is STALLED once its host's last line is at or after",
            "queuedAt + hold window + 1 hour; before that it is DEFERRED after an error,",
            "else QUEUED. More in docs/generate.md."
        })
final class GenerateCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(
            names = "--hosts",
            required = true,
            paramLabel = "N",
            description = "Number of hosts, at least 1.")
    int hosts;

    @Option(
            names = "--messages",
            required = true,
            paramLabel = "M",
            description =
                    "Outgoing messages of all hosts together, at least 0; recipients, inbound"
                            + " mail and sessions scale with it.")
    int messages;

    @Option(
            names = "--seed",
            paramLabel = "S",
            defaultValue = "1",
            description = "Seed of the random choices (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "DIR",
            description = "Directory to write to, created if missing.")
    Path out;

    @Option(
            names = "--start",
            paramLabel = "DATE",
            defaultValue = "2003-06-20",
            converter = DateConverter.class,
            description =
                    "First day of the logs, from 1970-01-01 to 2069; two-digit years"
                            + " allow no more (default: ${DEFAULT-VALUE}).")
    LocalDate start;

    @Option(
            names = "--days",
            paramLabel = "D",
            defaultValue = "4",
            description =
                    "Days the logs span, 1 to 366 (default: ${DEFAULT-VALUE}). Deliveries expire"
                            + " or stall only when the span exceeds the hold window by an hour.")
    int days;

    @Option(
            names = "--hold-hours",
            paramLabel = "H",
            defaultValue = "48",
            description =
                    "Web Crossing's hold window for undeliverable mail, at least 1"
                            + " (default: ${DEFAULT-VALUE}).")
    int holdHours;

    @Option(
            names = "--damaged-share",
            paramLabel = "P",
            defaultValue = "0.002",
            description = "Damaged lines per real line, 0 to 0.5 (default: ${DEFAULT-VALUE}).")
    double damagedShare;

    @Override
    public Integer call() {
        GeneratorSettings settings = settings();
        long began = System.nanoTime();
        GenerationSummary summary = generate(settings);
        double seconds = (System.nanoTime() - began) / 1e9;
        spec.commandLine().getErr().println(oneLine(summary, seconds));
        return 0;
    }

    private GeneratorSettings settings() {
        require(hosts >= 1, "--hosts", hosts, "at least 1");
        require(messages >= 0, "--messages", messages, "at least 0");
        require(days >= 1 && days <= GeneratorSettings.MAX_DAYS, "--days", days, "from 1 to 366");
        require(holdHours >= 1, "--hold-hours", holdHours, "at least 1");
        require(
                damagedShare >= 0 && damagedShare <= GeneratorSettings.MAX_DAMAGED_SHARE,
                "--damaged-share",
                damagedShare,
                "from 0 to 0.5");
        require(
                !start.isBefore(GeneratorSettings.EARLIEST_START)
                        && !start.plusDays(days).isAfter(GeneratorSettings.END_OF_TWO_DIGIT_YEARS),
                "--start",
                start,
                "1970-01-01 or later, with the last day in 2069 at the latest");
        return new GeneratorSettings(hosts, messages, seed, start, days, holdHours, damagedShare);
    }

    private GenerationSummary generate(GeneratorSettings settings) {
        try {
            return new LogGenerator(settings).writeTo(out);
        } catch (IOException e) {
            throw new UserException("cannot write the logs to " + out + ": " + e.getMessage(), e);
        }
    }

    private String oneLine(GenerationSummary summary, double seconds) {
        return String.format(
                Locale.ROOT,
                "wrote %,d lines (%,d damaged, %,d blank) of %d hosts with %,d deliveries, %,d"
                        + " inbound and %,d sessions to %s in %.1f s",
                summary.totalLines(),
                summary.damagedLines(),
                summary.blankLines(),
                summary.hosts().size(),
                summary.deliveryCount(),
                summary.inbound(),
                summary.sessions(),
                out,
                seconds);
    }

    private void require(boolean valid, String option, Object value, String expected) {
        if (!valid) {
            throw new ParameterException(
                    spec.commandLine(),
                    option + " must be " + expected + ", but was '" + value + "'");
        }
    }

    /** Reads {@code --start} as an ISO date. */
    static final class DateConverter implements ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("expected a date like 2003-06-20");
            }
        }
    }
}
