package io.mailflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailflow.runtime.demo.Demo;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo runs the whole system: its own broker, the pipeline, the API and the dashboard. */
class DemoIT {
    @Test
    void demo_feedsTheSampleThroughThePipelineAndServesTheDashboard() throws Exception {
        Demo.Options options = new Demo.Options(List.of(), 0, 0, 300);
        try (Demo demo = Demo.start(options)) {
            long sent = demo.feed(options);

            String summary = awaitSummary(demo, "lines " + sent + " ");
            assertThat(summary).containsPattern("delivered [1-9]");
            assertThat(summary).containsPattern("rejects [1-9]");
            HttpResponse<String> page =
                    HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(URI.create(demo.url() + "/")).build(),
                                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<title>mailflow</title>");
        }
    }

    @Test
    void sigterm_stopsThePipelineBeforeTheBroker(@TempDir Path dir) throws Exception {
        ChildPipeline demo =
                ChildPipeline.launch(
                        List.of("demo", "--http-port", "0", "--rate", "500"),
                        dir.resolve("demo.log"));
        try {
            demo.awaitRunning(Duration.ofSeconds(90));
            Thread.sleep(1_000); // a few commits' worth of lines in flight
        } finally {
            demo.close();
        }

        assertThat(demo.output())
                .as(demo.diagnostics())
                .contains("Pipeline stopped in")
                // What the pipeline's clients log when the broker went first.
                .doesNotContain("could not be established");
    }

    private static String awaitSummary(Demo demo, String expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        String summary = demo.summary();
        while (!summary.startsWith(expected) && System.nanoTime() < deadline) {
            Thread.sleep(250);
            summary = demo.summary();
        }
        assertThat(summary).startsWith(expected);
        return summary;
    }
}
