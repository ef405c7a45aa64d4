package io.mailflow.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class GenerateCommandTest {
    @TempDir Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void generate_writesLogsAndTruthAndOneSummaryLine() {
        Path dir = temp.resolve("new/logs");

        int exit =
                run(
                        "generate",
                        "--hosts",
                        "2",
                        "--messages",
                        "40",
                        "--seed",
                        "9",
                        "--out",
                        dir.toString());

        assertThat(exit).isZero();
        assertThat(dir.resolve("mail01.log")).isNotEmptyFile();
        assertThat(dir.resolve("mail02.log")).isNotEmptyFile();
        assertThat(dir.resolve("truth/deliveries.jsonl")).isNotEmptyFile();
        assertThat(dir.resolve("truth/summary.json")).content().contains("\"seed\" : 9");
        assertThat(err.toString().lines().toList())
                .singleElement()
                .asString()
                .startsWith("wrote ")
                .contains("of 2 hosts", dir.toString());
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void options_reachTheGenerator() throws Exception {
        int exit =
                run(
                        "generate",
                        "--hosts",
                        "1",
                        "--messages",
                        "5",
                        "--out",
                        temp.toString(),
                        "--start",
                        "2004-02-28",
                        "--days",
                        "2",
                        "--hold-hours",
                        "24",
                        "--damaged-share",
                        "0");

        assertThat(exit).isZero();
        String summary = Files.readString(temp.resolve("truth/summary.json"));
        assertThat(summary)
                .contains(
                        "\"start\" : \"2004-02-28\"",
                        "\"days\" : 2",
                        "\"holdHours\" : 24",
                        "\"damagedLines\" : 0");
        assertThat(Files.readAllLines(temp.resolve("mail01.log")).get(0)).startsWith("28-Feb-04 ");
    }

    @ParameterizedTest
    @CsvSource({
        "--hosts, 0",
        "--hosts, x",
        "--messages, -1",
        "--days, 0",
        "--days, 400",
        "--hold-hours, 0",
        "--damaged-share, 0.7",
        "--damaged-share, -1",
        "--start, 1969-12-31",
        "--start, 2069-12-31",
        "--start, 20-Jun-03",
        "--seed, one"
    })
    void badValue_exitsTwoNamingTheOption(String option, String value) {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "generate",
                                "--hosts",
                                "1",
                                "--messages",
                                "1",
                                "--out",
                                temp.toString()));
        args.add(option);
        args.add(value);

        int exit = run(args.toArray(String[]::new));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains(option).doesNotContain("Exception");
        assertThat(temp.resolve("truth")).doesNotExist();
    }

    @Test
    void missingOut_exitsTwo() {
        int exit = run("generate", "--hosts", "1", "--messages", "1");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--out");
    }

    @Test
    void unwritableOut_exitsOneWithOneLine() throws Exception {
        Path file = Files.writeString(temp.resolve("a-file"), "not a directory");

        int exit =
                run(
                        "generate",
                        "--hosts",
                        "1",
                        "--messages",
                        "1",
                        "--out",
                        file.resolve("logs").toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString().lines().toList())
                .singleElement()
                .asString()
                .startsWith("generate: cannot write the logs to");
    }

    @Test
    void help_describesTheTruthFiles() {
        int exit = run("generate", "--help");

        assertThat(exit).isZero();
        assertThat(out.toString())
                .contains(
                        "deliveries.jsonl",
                        "inbound.jsonl",
                        "sessions.jsonl",
                        "damaged.jsonl",
                        "summary.json",
                        "STALLED",
                        "--hold-hours",
                        "--damaged-share");
    }

    private int run(String... args) {
        CommandLine command = Mailflow.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }
}
