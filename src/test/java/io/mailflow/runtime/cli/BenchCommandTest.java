package io.mailflow.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The checks {@code bench} makes before it starts any broker. */
class BenchCommandTest {
    private final StringWriter err = new StringWriter();

    @Test
    void noLines_isAUsageErrorOfOneLine() {
        int exit = bench("--lines", "0");

        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString())
                .isEqualTo(
                        "bench: --lines is 0, expected 1 or more (see 'mailflow bench --help')"
                                + System.lineSeparator());
    }

    @Test
    void moreLatencyLinesThanLines_isAUsageError() {
        int exit = bench("--lines", "1000", "--latency-lines", "2000");

        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString())
                .startsWith("bench: --latency-lines is 2000, expected 1 to --lines");
    }

    @Test
    void moreWarmupLinesThanLines_isAUsageError() {
        int exit = bench("--lines", "1000", "--warmup-lines", "1001");

        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString())
                .startsWith("bench: --warmup-lines is 1001, expected 0 to --lines");
    }

    @Test
    void aRateOfZero_isAUsageError() {
        int exit = bench("--latency-rate", "0");

        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).startsWith("bench: --latency-rate is 0, expected 1 or more");
    }

    @Test
    void anUnknownSetting_exitsOneNamingIt() {
        int exit = bench("--set", "hold.windw=48h");

        assertThat(exit).isEqualTo(ExitCodes.FAILURE);
        assertThat(err.toString()).startsWith("bench: ").contains("hold.windw");
        assertThat(err.toString().lines()).hasSize(1);
    }

    @Test
    void aBadValueOfAKnownSetting_exitsOneNamingTheKey() {
        int exit = bench("--set", "stream.threads=0");

        assertThat(exit).isEqualTo(ExitCodes.FAILURE);
        assertThat(err.toString()).startsWith("bench: ").contains("stream.threads");
    }

    private int bench(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "bench";
        System.arraycopy(args, 0, all, 1, args.length);
        return Mailflow.commandLine().setErr(new PrintWriter(err, true)).execute(all);
    }
}
