package io.mailflow.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailflow.runtime.config.ConfigKey;
import io.mailflow.runtime.config.ConfigKeys;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RunCommandTest {
    @TempDir Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void help_listsEveryKeyWithItsFlagAndEnvironmentVariable() {
        int exit = run("run", "--help");

        assertThat(exit).isZero();
        String help = out.toString().replaceAll("\\s+", " ");
        for (ConfigKey<?> key : ConfigKeys.ALL) {
            assertThat(help).contains(key.flagName() + "=VALUE").contains(key.envName());
        }
        assertThat(help)
                .contains("--config=FILE")
                .contains("--set=KEY=VALUE")
                .contains("--create-topics");
    }

    @Test
    void badFlagValue_exitsOneNamingKeyValueAndExpectation() {
        int exit = run("run", "--stream-threads", "many", "--state-dir", dir.toString());

        assertThat(exit).isEqualTo(ExitCodes.FAILURE);
        assertThat(err.toString())
                .isEqualTo(
                        "run: stream.threads is 'many' (flag --stream-threads): not a whole number;"
                                + " expected a whole number from 1 to 64"
                                + System.lineSeparator());
    }

    @Test
    void unknownKeyGivenWithSet_exitsOneNamingIt() {
        int exit = run("run", "--set", "hold.windows=72h");

        assertThat(exit).isEqualTo(ExitCodes.FAILURE);
        assertThat(err.toString())
                .startsWith("run: unknown key 'hold.windows' (flag --set hold.windows)");
    }

    @Test
    void keyOptionAndSetForTheSameKey_keyOptionWins() {
        CommandLine cmd = Mailflow.commandLine();
        CommandLine.ParseResult parsed =
                cmd.parseArgs("run", "--set", "http.port=1", "--http-port", "2");
        RunCommand run = parsed.subcommand().commandSpec().commandLine().getCommand();

        assertThat(ConfigOptions.flags(run.spec, run.set)).containsEntry("http.port", "2");
    }

    @Test
    void stateDirectoryUnderAFile_exitsOneNamingTheKey() throws Exception {
        Path file = java.nio.file.Files.createFile(dir.resolve("plain-file"));

        int exit = run("run", "--state-dir", file.resolve("state").toString());

        assertThat(exit).isEqualTo(ExitCodes.FAILURE);
        assertThat(err.toString()).startsWith("run: state.dir is '" + file.resolve("state") + "'");
    }

    private int run(String... args) {
        return Mailflow.commandLine()
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
    }
}
