package io.mailflow.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.mailflow.generate.GeneratorSettings;
import io.mailflow.generate.LogGenerator;
import io.mailflow.json.Json;
import io.mailflow.runtime.pipeline.PipelineInstance;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard in headless Chromium: against {@code mailflow demo} in its own JVM, the figures it
 * shows are those the API answers; against an empty pipeline, without its token, or with no API to
 * reach, it says so.
 */
@WithSharedKafka
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardIT {
    private static final Path SCREENSHOT = Path.of("target", "dashboard.png");
    private static final List<String> STATUSES =
            List.of("QUEUED", "DEFERRED", "DELIVERED", "BOUNCED", "EXPIRED", "STALLED");
    private static final Pattern DEMO_URL = Pattern.compile("dashboard and API at (\\S+?)/?$");
    private static final Pattern FED = Pattern.compile("all (\\d+) lines fed in");
    private static final Duration DEMO_WAIT = Duration.ofSeconds(120);
    private static final int DEMO_HOSTS = 3;

    private final HttpClient http = HttpClient.newHttpClient();
    private final BlockingQueue<String> demoOutput = new LinkedBlockingQueue<>();
    private final List<String> demoSeen = new ArrayList<>();
    private Chromium chromium;
    private Process demo;
    private PipelineFixture fixture;
    private PipelineInstance empty;

    @BeforeAll
    void startDemoAndAnEmptyPipeline(KafkaCluster kafka, @TempDir Path dir) throws IOException {
        chromium = Chromium.find().orElse(null);
        assumeTrue(
                chromium != null,
                "chromium is not installed (apt-get install chromium): the dashboard test needs"
                        + " a headless browser");
        demo = startDemo(dir);
        fixture = new PipelineFixture(kafka, dir, "dashboard", Map.of("topic.partitions", "1"));
        empty = fixture.start("empty");
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (fixture != null) {
            fixture.close();
        }
        if (demo != null) {
            demo.toHandle().destroy();
            if (!demo.waitFor(30, TimeUnit.SECONDS)) {
                demo.destroyForcibly();
            }
        }
    }

    @Test
    void demo_pageShowsTheFiguresTheApiAnswers() throws Exception {
        String url = awaitDemoSettled();

        Shown shown = showWhileTheApiHoldsStill(url);

        JsonNode overview = shown.overview();
        for (String status : STATUSES) {
            assertThat(shown.page().number("status-" + status))
                    .as(status)
                    .isEqualTo(overview.path("byStatus").path(status).asLong(0));
        }
        assertThat(shown.page().number("status-total")).isEqualTo(overview.get("total").asLong());
        assertThat(shown.page().number("tile-total")).isEqualTo(overview.get("total").asLong());
        assertThat(overview.get("total").asLong()).isPositive();
        assertThat(shown.page().rows("domains-table"))
                .containsExactlyElementsOf(domainRows(overview));
        assertThat(shown.page().rows("rejects-table"))
                .isNotEmpty()
                .containsExactlyElementsOf(rejectRows(shown.rejects()));
        assertThat(shown.page().bodyAttribute("data-state")).isEqualTo("live");
        assertThat(shown.page().text("freshness")).isEqualTo("live");
        assertThat(shown.page().text("notice")).isEmpty();
        assertThat(shown.page().hidden("errors-empty")).isTrue();

        chromium.screenshot(url + "/", SCREENSHOT, 1280, 1000);
    }

    @Test
    void emptyPipeline_showsZerosAndSaysThereIsNothingYet() throws Exception {
        fixture.await("the empty pipeline running", Duration.ofSeconds(60), () -> true);

        RenderedPage page =
                chromium.dumpDom(empty.http().baseUrl() + "/#token=" + PipelineFixture.TOKEN);

        assertThat(page.bodyAttribute("data-state")).isEqualTo("live");
        for (String status : STATUSES) {
            assertThat(page.text("status-" + status)).as(status).isEqualTo("0");
        }
        assertThat(page.text("status-total")).isEqualTo("0");
        assertThat(page.text("tile-delivered-share")).isEqualTo("no deliveries yet");
        assertThat(page.rows("domains-table"))
                .containsExactly(List.of("No failed deliveries yet."));
        assertThat(page.rows("rejects-table")).containsExactly(List.of("No rejected lines."));
        assertThat(page.hidden("errors-empty")).isFalse();
        assertThat(page.text("instance")).isEqualTo("1 instance");
    }

    @Test
    void missingToken_asksForItAndShowsNoFigures() throws Exception {
        RenderedPage page = chromium.dumpDom(empty.http().baseUrl() + "/");

        assertThat(page.bodyAttribute("data-state")).isEqualTo("unauthorized");
        assertThat(page.text("freshness")).isEqualTo("token needed");
        assertThat(page.text("notice")).contains("#token=");
        assertThat(page.text("status-DELIVERED")).isEqualTo("\u2013");
    }

    @Test
    void unreachableApi_saysSoAndShowsNoFigures() throws Exception {
        HttpServer filesOnly = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        filesOnly.createContext("/", DashboardIT::filesButHangUpOnApi);
        filesOnly.start();
        try {
            String url = "http://127.0.0.1:" + filesOnly.getAddress().getPort() + "/";

            RenderedPage page = chromium.dumpDom(url);

            assertThat(page.bodyAttribute("data-state")).isEqualTo("unreachable");
            assertThat(page.text("freshness")).isEqualTo("unreachable");
            assertThat(page.text("notice"))
                    .contains("Cannot reach the mailflow API", "No figures yet");
            assertThat(page.text("status-total")).isEqualTo("\u2013");
            assertThat(page.rows("rejects-table")).containsExactly(List.of("No figures yet."));
        } finally {
            filesOnly.stop(0);
        }
    }

    /** What the page showed, with the API's answers from just before, unchanged just after. */
    private record Shown(RenderedPage page, JsonNode overview, JsonNode rejects) {}

    private Shown showWhileTheApiHoldsStill(String url) throws Exception {
        for (int attempt = 0; attempt < 3; attempt++) {
            JsonNode overview = api(url, "/api/stats/overview");
            JsonNode rejects = api(url, "/api/rejects/recent");
            RenderedPage page = chromium.dumpDom(url + "/");
            if (overview.equals(api(url, "/api/stats/overview"))
                    && rejects.equals(api(url, "/api/rejects/recent"))) {
                return new Shown(page, overview, rejects);
            }
        }
        throw new AssertionError("the demo's figures kept changing");
    }

    private static List<List<String>> domainRows(JsonNode overview) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode d : overview.get("topFailingDomains")) {
            long failed = d.get("failed").asLong();
            long total = d.get("total").asLong();
            rows.add(
                    List.of(
                            d.get("domain").asText(),
                            String.format("%,d", failed),
                            String.format("%,d", total),
                            String.format("%.1f%%", 100.0 * failed / total)));
        }
        return rows;
    }

    private static List<List<String>> rejectRows(JsonNode recent) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode r : recent.get("rejects")) {
            String time = r.get("time").asText();
            rows.add(
                    List.of(
                            time.substring(0, 19).replace('T', ' '),
                            r.get("host").asText(),
                            r.get("reason").asText(),
                            r.get("topic").asText()
                                    + "-"
                                    + r.get("partition").asInt()
                                    + "@"
                                    + r.get("offset").asLong(),
                            r.get("message").asText().strip()));
        }
        return rows;
    }

    private JsonNode api(String url, String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> response =
                http.send(
                        HttpRequest.newBuilder(URI.create(url + path)).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return Json.mapper().readTree(response.body());
    }

    /**
     * Starts {@code mailflow demo} on generated logs: smaller than its own sample, so that it
     * settles sooner, and with more damaged lines, so that there are rejects to show.
     */
    private Process startDemo(Path dir) throws IOException {
        Path logs = dir.resolve("logs");
        new LogGenerator(GeneratorSettings.of(DEMO_HOSTS, 400).withDamagedShare(0.01))
                .writeTo(logs);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xmx768m", "-cp", System.getProperty("java.class.path")));
        command.addAll(List.of("io.mailflow.runtime.cli.Mailflow", "demo"));
        command.addAll(List.of("--http-port", "0", "--rate", "0", "--duration", "300"));
        command.add("--logs");
        for (int i = 0; i < DEMO_HOSTS; i++) {
            command.add(logs.resolve(LogGenerator.hostName(i, DEMO_HOSTS) + ".log").toString());
        }
        Process process =
                new ProcessBuilder(command)
                        .redirectError(dir.resolve("demo-stderr.log").toFile())
                        .start();
        Thread reader =
                new Thread(
                        () -> {
                            try (BufferedReader in =
                                    new BufferedReader(
                                            new InputStreamReader(
                                                    process.getInputStream(),
                                                    StandardCharsets.UTF_8))) {
                                in.lines().forEach(demoOutput::add);
                            } catch (IOException | UncheckedIOException e) {
                                demoOutput.add("stdout unreadable: " + e);
                            }
                        },
                        "demo-stdout");
        reader.setDaemon(true);
        reader.start();
        return process;
    }

    /**
     * Waits until the demo has fed every line of its sample and two summaries in a row, two seconds
     * apart, count them all and agree: nothing is in transit any more.
     *
     * @return the demo's base URL
     */
    private String awaitDemoSettled() throws InterruptedException {
        String url = null;
        long fed = -1;
        String previous = null;
        long deadline = System.nanoTime() + DEMO_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            String line = demoOutput.poll(1, TimeUnit.SECONDS);
            if (line == null) {
                continue;
            }
            demoSeen.add(line);
            Matcher address = DEMO_URL.matcher(line);
            Matcher all = FED.matcher(line);
            if (address.find()) {
                url = address.group(1);
            } else if (all.find()) {
                fed = Long.parseLong(all.group(1));
            } else if (fed >= 0 && line.startsWith("lines " + fed + " ")) {
                if (line.equals(previous)) {
                    return url;
                }
                previous = line;
            }
        }
        throw new AssertionError(
                "the demo did not settle within " + DEMO_WAIT + "; it said " + demoSeen);
    }

    /** Serves the dashboard's files, and hangs up on every API call without an answer. */
    private static void filesButHangUpOnApi(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.startsWith("/api/")) {
            exchange.close();
            return;
        }
        String name = path.equals("/") ? "index.html" : path.substring(1);
        String type =
                name.endsWith(".html")
                        ? "text/html"
                        : name.endsWith(".css") ? "text/css" : "text/javascript";
        try (InputStream in =
                        DashboardIT.class.getResourceAsStream(
                                "/io/mailflow/runtime/http/dashboard/" + name);
                OutputStream out = exchange.getResponseBody()) {
            if (in == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = in.readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            out.write(body);
        }
    }
}
