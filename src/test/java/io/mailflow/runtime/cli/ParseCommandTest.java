package io.mailflow.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ParseCommandTest {
    private static final String RECEIVED =
            "20-Jun-03 08:27:18 smtp-in OK (Received mail from: babies@diapers.smell.com to:"
                    + " support@support.webcrossing.com client-IP:1.2.3.4)";
    private static final String ERROR =
            "20-Jun-03 08:11:02 smtp-out error ID=2549 Send email. Connect error (Internet address"
                    + " disconnected.) To: support@support.webcrossing.com From:"
                    + " babies@diapers.smell.com";
    private static final String LOGIN = "20-Jun-03 03:43:31 pop3 OK LOGIN by support from 1.2.3.4";
    private static final String OTHER = "20-Jun-03 03:43:31 webx started";
    private static final String DAMAGED = "20-Jun-03 8:2x pop3 connect 1.2.3.4";

    private final InputStream originalStdin = System.in;

    @TempDir Path dir;

    @AfterEach
    void restoreStdin() {
        System.setIn(originalStdin);
    }

    @Test
    void logFile_givesOneJsonEventPerLineAndRejectsOnStderr() throws IOException {
        Path log = write("mail01.log", RECEIVED, "", ERROR, DAMAGED, "  ", LOGIN, OTHER);

        Run run = run("parse", log.toString());

        assertThat(run.code()).isZero();
        assertThat(run.outLines())
                .containsExactly(
                        "{\"type\":\"RECEIVED\",\"host\":\"mail01\",\"time\":\"2003-06-20T08:27:18Z\","
                            + "\"sender\":\"babies@diapers.smell.com\","
                            + "\"recipient\":\"support@support.webcrossing.com\","
                            + "\"clientIp\":\"1.2.3.4\",\"service\":\"smtp-in\"}",
                        "{\"type\":\"DELIVERY_ERROR\",\"host\":\"mail01\","
                            + "\"time\":\"2003-06-20T08:11:02Z\",\"messageId\":2549,"
                            + "\"sender\":\"babies@diapers.smell.com\","
                            + "\"recipient\":\"support@support.webcrossing.com\",\"errorText\":\"Connect"
                            + " error (Internet address disconnected.)\",\"service\":\"smtp-out\"}",
                        "{\"type\":\"SESSION_LOGIN\",\"host\":\"mail01\","
                            + "\"time\":\"2003-06-20T03:43:31Z\",\"clientIp\":\"1.2.3.4\","
                            + "\"user\":\"support\",\"protocol\":\"POP3\",\"service\":\"pop3\"}",
                        "{\"type\":\"OTHER\",\"host\":\"mail01\",\"time\":\"2003-06-20T03:43:31Z\","
                                + "\"service\":\"webx\",\"status\":\"started\",\"text\":\"\"}");
        assertThat(run.errLines())
                .containsExactly(
                        "{\"host\":\"mail01\",\"line\":\"20-Jun-03 8:2x pop3 connect 1.2.3.4\","
                                + "\"reason\":\"BAD_TIME\",\"column\":11,\"expected\":\"HH:MM:SS\","
                                + "\"message\":\"time: expected HH:MM:SS at column 11, found"
                                + " '8:2x'\"}");
    }

    @Test
    void hostOption_overridesTheFileName() throws IOException {
        Path log = write("mail01.log", LOGIN);

        Run run = run("parse", "--host", "relay7", log.toString());

        assertThat(run.outLines()).singleElement().asString().contains("\"host\":\"relay7\"");
    }

    @Test
    void severalFiles_eachNamedByItsFile() throws IOException {
        Path first = write("alpha.log", LOGIN);
        Path second = write("beta.txt", LOGIN);

        Run run = run("parse", first.toString(), second.toString());

        assertThat(run.outLines()).hasSize(2);
        assertThat(run.outLines().get(0)).contains("\"host\":\"alpha\"");
        assertThat(run.outLines().get(1)).contains("\"host\":\"beta\"");
    }

    @Test
    void noFileOrDash_readsStandardInputAsHostStdin() {
        for (String[] args : List.of(new String[] {"parse"}, new String[] {"parse", "-"})) {
            System.setIn(stdin(LOGIN + "\r\n" + DAMAGED + "\n"));

            Run run = run(args);

            assertThat(run.code()).isZero();
            assertThat(run.outLines()).singleElement().asString().contains("\"host\":\"stdin\"");
            assertThat(run.errLines())
                    .singleElement()
                    .asString()
                    .contains("\"reason\":\"BAD_TIME\"");
        }
    }

    @Test
    void defaultZoneAndHostZone_convertLocalTimesToUtc() throws IOException {
        Path berlin = write("berlin.log", LOGIN);
        Path york = write("york.log", LOGIN);

        Run run =
                run(
                        "parse",
                        "--zone",
                        "Europe/Berlin",
                        "--zone",
                        "york=America/New_York",
                        berlin.toString(),
                        york.toString());

        assertThat(run.outLines().get(0)).contains("\"time\":\"2003-06-20T01:43:31Z\"");
        assertThat(run.outLines().get(1)).contains("\"time\":\"2003-06-20T07:43:31Z\"");
    }

    @Test
    void unknownZone_isUsageErrorNamingTheValue() throws IOException {
        Path log = write("mail01.log", LOGIN);

        Run run = run("parse", "--zone", "mail01=Mars/Olympus", log.toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).singleElement().asString().contains("'Mars/Olympus'");
    }

    @Test
    void twoDefaultZones_isUsageError() {
        Run run = run("parse", "--zone", "UTC", "--zone", "+02:00", "-");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.errLines())
                .singleElement()
                .asString()
                .contains("default zone is given twice");
    }

    @Test
    void missingFile_exitsOneWithOneLineNamingItAndNoOutput() throws IOException {
        Path log = write("mail01.log", LOGIN);
        Path missing = dir.resolve("missing.log");

        Run run = run("parse", log.toString(), missing.toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines())
                .containsExactly("parse: cannot read " + missing + ": no such file");
    }

    @Test
    void directoryAsFile_exitsOne() {
        Run run = run("parse", dir.toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.errLines())
                .containsExactly("parse: cannot read " + dir + ": not a regular file");
    }

    @Test
    void nonAsciiText_isEscapedAndReadsBackTheSame() throws IOException {
        String line =
                "20-Jun-03 08:11:02 smtp-out error ID=1 Send email. Over quota – b.c To: r@b.c"
                        + " From: s@b.c";
        Path log = write("mail01.log", line);

        Run run = run("parse", log.toString());

        assertThat(run.out()).contains("Over quota \\u2013 b.c").matches("\\p{ASCII}*");
        assertThat(Json.mapper().readTree(run.outLines().get(0)).get("errorText").asText())
                .isEqualTo("Over quota – b.c");
    }

    @Test
    void fileNameWithoutExtension_isTheHost() {
        assertThat(ParseCommand.hostOf("/var/log/mail01.log")).isEqualTo("mail01");
        assertThat(ParseCommand.hostOf("mail.eu.log")).isEqualTo("mail.eu");
        assertThat(ParseCommand.hostOf("relay")).isEqualTo("relay");
        assertThat(ParseCommand.hostOf(".hidden")).isEqualTo(".hidden");
        assertThat(ParseCommand.hostOf("-")).isEqualTo("stdin");
    }

    private Path write(String name, String... lines) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, List.of(lines), StandardCharsets.UTF_8);
        return file;
    }

    private static InputStream stdin(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
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

    private record Run(int code, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }

        List<String> errLines() {
            return err.lines().toList();
        }
    }
}
