package io.mailflow.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks {@code replay} makes before it starts any broker. */
class ReplayCommandTest {
    @TempDir Path dir;

    private final StringWriter err = new StringWriter();

    @Test
    void missingLogFile_exitsOneNamingIt() {
        Path missing = dir.resolve("mail01.log");

        int exit = replay("--out", dir.resolve("out").toString(), missing.toString());

        assertThat(exit).isEqualTo(ExitCodes.FAILURE);
        assertThat(err.toString()).startsWith("replay: cannot read " + missing);
    }

    @Test
    void badBootstrapServers_exitsOneSayingWhatIsExpected() throws Exception {
        Path log = Files.writeString(dir.resolve("mail01.log"), "");

        int exit = replay("--bootstrap-servers", "broker", "--out", dir.toString(), log.toString());

        assertThat(exit).isEqualTo(ExitCodes.FAILURE);
        assertThat(err.toString())
                .startsWith("replay: --bootstrap-servers is 'broker': 'broker' is not host:port;")
                .contains("expected host:port pairs");
    }

    @Test
    void noOutputDirectory_isAUsageError() throws Exception {
        Path log = Files.writeString(dir.resolve("mail01.log"), "");

        int exit = replay(log.toString());

        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--out");
    }

    @Test
    void outputUnderAFile_exitsOneNamingIt() throws Exception {
        Path log = Files.writeString(dir.resolve("mail01.log"), "");

        int exit = replay("--out", log.resolve("out").toString(), log.toString());

        assertThat(exit).isEqualTo(ExitCodes.FAILURE);
        assertThat(err.toString()).startsWith("replay: --out is '" + log.resolve("out") + "'");
    }

    private int replay(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "replay";
        System.arraycopy(args, 0, all, 1, args.length);
        return Mailflow.commandLine().setErr(new PrintWriter(err, true)).execute(all);
    }
}
