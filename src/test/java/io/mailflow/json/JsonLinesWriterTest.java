package io.mailflow.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailflow.core.line.LogEvent;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JsonLinesWriterTest {

    @Test
    void twoValues_areTwoLinesWithoutNullFields() throws IOException {
        StringWriter out = new StringWriter();
        JsonLinesWriter writer = new JsonLinesWriter(out);
        Instant time = Instant.parse("2003-06-20T08:11:04Z");

        writer.write(LogEvent.sent("h", time, 7, "", "r@x.org"));
        writer.write(LogEvent.other("h", time, "webx", "OK", "ready"));
        writer.flush();

        assertThat(out.toString())
                .isEqualTo(
                        "{\"type\":\"SENT\",\"host\":\"h\",\"time\":\"2003-06-20T08:11:04Z\",\"messageId\":7,\"sender\":\"\",\"recipient\":\"r@x.org\",\"service\":\"smtp-out\"}\n"
                            + "{\"type\":\"OTHER\",\"host\":\"h\",\"time\":\"2003-06-20T08:11:04Z\",\"service\":\"webx\",\"status\":\"OK\",\"text\":\"ready\"}\n");
    }

    @Test
    void sharedMapper_stillWritesNullFields() throws IOException {
        String json =
                Json.mapper()
                        .writeValueAsString(
                                LogEvent.other("h", Instant.EPOCH, "webx", "OK", "ready"));

        assertThat(json).contains("\"messageId\":null");
    }
}
