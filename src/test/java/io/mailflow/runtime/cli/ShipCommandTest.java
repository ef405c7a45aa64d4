package io.mailflow.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The argument checks of {@code mailflow ship}, which all happen before Kafka is contacted. */
class ShipCommandTest {
    @TempDir Path dir;

    @Test
    void noFile_isAUsageError() {
        Run run = run("ship");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().lines()).singleElement().asString().contains("FILE");
    }

    @Test
    void ownedKafkaConfig_isAUsageErrorNamingIt() {
        Run run = run("ship", "--kafka", "acks=1", log().toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().lines())
                .singleElement()
                .asString()
                .startsWith("ship: --kafka acks is set by mailflow ship itself");
    }

    @Test
    void unknownKafkaConfig_isAUsageErrorNamingIt() {
        Run run = run("ship", "--kafka", "secrity.protocol=SSL", log().toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err())
                .contains("--kafka secrity.protocol is not a config of the Kafka producer");
    }

    @Test
    void malformedBootstrapServers_isAUsageErrorNamingTheOption() {
        Run run = run("ship", "--bootstrap-servers", "broker", log().toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().lines())
                .singleElement()
                .asString()
                .startsWith("ship: --bootstrap-servers is 'broker'")
                .contains("expected host:port pairs separated by commas");
    }

    @Test
    void badConfigurationFile_failsInOneLineNamingTheKey() throws IOException {
        Path config = Files.writeString(dir.resolve("mailflow.properties"), "topic.lines=a b\n");

        Run run = run("ship", "--config", config.toString(), log().toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err().lines())
                .singleElement()
                .asString()
                .startsWith("ship: topic.lines is 'a b' (file " + config + ")");
    }

    @Test
    void sameFileTwice_isAUsageError() {
        Path log = log();

        Run run = run("ship", log.toString(), dir.resolve(".").resolve("mail01.log").toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("is given twice");
    }

    @Test
    void blankHost_isAUsageError() {
        Run run = run("ship", "--host", " ", log().toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--host must not be blank");
    }

    @Test
    void checkpointDirThatCannotBeCreated_failsInOneLine() throws IOException {
        Path notADir = Files.writeString(dir.resolve("plain-file"), "x");

        Run run =
                run(
                        "ship",
                        "--checkpoint-dir",
                        notADir.resolve("ship").toString(),
                        log().toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err().lines())
                .singleElement()
                .asString()
                .startsWith("ship: cannot create the checkpoint directory " + notADir);
    }

    @Test
    void directoryAsFile_failsInOneLine() {
        Run run = run("ship", "--checkpoint-dir", dir.resolve("cp").toString(), dir.toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err().lines())
                .singleElement()
                .asString()
                .isEqualTo("ship: cannot read " + dir + ": not a regular file");
    }

    @Test
    void help_listsEveryOption() {
        Run run = run("ship", "--help");

        assertThat(run.code()).isZero();
        assertThat(run.out())
                .contains(
                        "--bootstrap-servers",
                        "--host",
                        "--topic",
                        "--checkpoint-dir",
                        "--from-start",
                        "--kafka");
    }

    private Path log() {
        try {
            return Files.writeString(dir.resolve("mail01.log"), "");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = Mailflow.commandLine();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int code = cmd.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private record Run(int code, String out, String err) {}
}
