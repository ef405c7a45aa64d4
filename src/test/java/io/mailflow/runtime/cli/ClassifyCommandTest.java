package io.mailflow.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailflow.json.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code mailflow classify} through the same command line that {@code main} runs. */
class ClassifyCommandTest {
    private static final String USER_UNKNOWN =
            "Fatal error from destination SMTP server (550 5.1.1 <ann@example.org>: Recipient"
                    + " address rejected: User unknown)";

    @TempDir Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void textArguments_giveOneJsonLinePerTextInOrder() throws IOException {
        int exit = run("classify", USER_UNKNOWN, "Connect error (Internet address disconnected.)");

        assertThat(exit).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0))
                .isEqualTo(
                        "{\"text\":"
                                + Json.mapper().writeValueAsString(USER_UNKNOWN)
                                + ",\"category\":\"RECIPIENT_UNKNOWN\",\"permanent\":true,"
                                + "\"enhancedStatus\":\"5.1.1\",\"replyCode\":550,"
                                + "\"rule\":\"recipient.unknown\"}");
        JsonNode second = Json.mapper().readTree(lines.get(1));
        assertThat(second.get("category").asText()).isEqualTo("CONNECTION_FAILED");
        assertThat(second.get("permanent").asBoolean()).isFalse();
        assertThat(second.get("replyCode").isNull()).isTrue();
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void noArguments_classifiesEachStandardInputLine() throws IOException {
        String input = "DNS lookup -- no host\n\nCould not deliver mail within 72 hour(s)\n";

        int exit = runWithInput(input, "classify");

        assertThat(exit).isZero();
        List<JsonNode> lines = json(out.toString());
        assertThat(lines)
                .extracting(n -> n.get("text").asText())
                .containsExactly(
                        "DNS lookup -- no host", "", "Could not deliver mail within 72 hour(s)");
        assertThat(lines)
                .extracting(n -> n.get("category").asText())
                .containsExactly("HOST_UNKNOWN", "UNCLASSIFIED", "DELIVERY_EXPIRED");
        assertThat(lines.get(1).get("rule").asText()).isEqualTo("none");
        assertThat(lines.get(1).get("enhancedStatus").isNull()).isTrue();
    }

    @Test
    void rulesOption_addsTheOperatorRules() throws IOException {
        Path rules =
                Files.write(
                        dir.resolve("site.rules"),
                        List.of(
                                "rule site.vacation",
                                "  category MAILBOX_DISABLED",
                                "  phrase   on vacation",
                                "  example  I am on vacation"));

        int exit = run("classify", "--rules", rules.toString(), "Ann is on vacation");

        assertThat(exit).isZero();
        JsonNode verdict = json(out.toString()).get(0);
        assertThat(verdict.get("rule").asText()).isEqualTo("site.vacation");
        assertThat(verdict.get("category").asText()).isEqualTo("MAILBOX_DISABLED");
    }

    @Test
    void brokenRuleFile_failsWithOneLineNamingFileLineAndProblem() throws IOException {
        Path rules =
                Files.write(
                        dir.resolve("broken.rules"),
                        List.of(
                                "rule site.x",
                                "  category NOT_A_THING",
                                "  phrase x",
                                "  example x"));

        int exit = run("classify", "--rules", rules.toString(), "anything");

        assertThat(exit).isEqualTo(ExitCodes.FAILURE);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString().lines().toList())
                .singleElement()
                .asString()
                .startsWith("classify: rule file " + rules + ":2: unknown category 'NOT_A_THING'");
    }

    @Test
    void missingRuleFile_failsNamingTheFile() {
        Path rules = dir.resolve("absent.rules");

        int exit = run("classify", "--rules", rules.toString(), "anything");

        assertThat(exit).isEqualTo(ExitCodes.FAILURE);
        assertThat(err.toString().lines())
                .containsExactly("classify: rule file " + rules + ": no such file");
    }

    @Test
    void unknownOption_isAUsageError() {
        assertThat(run("classify", "--no-such-option")).isEqualTo(ExitCodes.USAGE);
    }

    private int run(String... args) {
        CommandLine cli = Mailflow.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private int runWithInput(String input, String... args) {
        InputStream original = System.in;
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        try {
            return run(args);
        } finally {
            System.setIn(original);
        }
    }

    private static List<JsonNode> json(String lines) {
        return lines.lines().map(ClassifyCommandTest::parse).toList();
    }

    private static JsonNode parse(String line) {
        try {
            return Json.mapper().readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}
