package io.mailflow.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailflow.core.classify.ErrorCategory;
import io.mailflow.core.line.Protocol;
import io.mailflow.core.line.RejectReason;
import io.mailflow.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The streamed truth is exactly what the shared mapper would write, and reads back equal. */
class TruthWriterTest {
    private static final Instant QUEUED = Instant.parse("2003-06-20T08:09:46Z");
    private static final Instant LATER = Instant.parse("2099-12-31T23:59:59Z");

    @TempDir Path temp;

    @Test
    void records_areWrittenAsTheSharedMapperWritesThem() throws IOException {
        List<DeliveryTruth> deliveries =
                List.of(
                        new DeliveryTruth(
                                "mail01",
                                2549,
                                "r@example.com",
                                "s@example.org",
                                Origin.SMTP_IN,
                                "192.0.2.1",
                                QUEUED,
                                TruthStatus.BOUNCED,
                                ErrorCategory.RECIPIENT_UNKNOWN,
                                2,
                                LATER),
                        new DeliveryTruth(
                                "mail01",
                                7,
                                "\"quoted\"@example.com",
                                "s@example.org",
                                Origin.INTERNAL,
                                null,
                                QUEUED,
                                TruthStatus.QUEUED,
                                null,
                                0,
                                null));
        SessionTruth session =
                new SessionTruth(
                        "mail02", Protocol.IMAP, "Support", "192.0.2.2", QUEUED, QUEUED, null);
        InboundTruth mail =
                new InboundTruth("mail02", "a@example.org", "b@example.com", "192.0.2.3", LATER);
        DamagedLine damaged =
                new DamagedLine("mail03", 12, Damage.GARBLED_MESSAGE_ID, RejectReason.BAD_SMTP_OUT);

        try (TruthWriter writer = new TruthWriter(temp)) {
            for (DeliveryTruth delivery : deliveries) {
                writer.delivery(delivery);
            }
            writer.session(session);
            writer.inbound(mail);
            writer.damaged(damaged);
        }

        assertThat(Files.readAllLines(temp.resolve(TruthWriter.DELIVERIES)))
                .containsExactly(json(deliveries.get(0)), json(deliveries.get(1)));
        assertThat(Files.readAllLines(temp.resolve(TruthWriter.SESSIONS)))
                .containsExactly(json(session));
        assertThat(Files.readAllLines(temp.resolve(TruthWriter.INBOUND)))
                .containsExactly(json(mail));
        assertThat(Files.readAllLines(temp.resolve(TruthWriter.DAMAGED)))
                .containsExactly(json(damaged));
        assertThat(Files.readString(temp.resolve(TruthWriter.DELIVERIES))).endsWith("}\n");
    }

    @Test
    void groundTruth_readsBackWhatWasGenerated() throws IOException {
        GenerationSummary summary = new LogGenerator(GeneratorSettings.of(2, 50)).writeTo(temp);

        GroundTruth truth = GroundTruth.read(temp);

        assertThat(truth.summary()).isEqualTo(summary);
        assertThat(truth.deliveries()).hasSize((int) summary.deliveryCount());
        assertThat(truth.deliveries().get(0).host()).isEqualTo("mail01");
        assertThat(truth.sessions()).hasSize((int) summary.sessions());
    }

    @Test
    void isoSeconds_matchInstantToString() {
        IsoSeconds iso = new IsoSeconds();
        for (long s = QUEUED.getEpochSecond(); s < QUEUED.getEpochSecond() + 200_000; s += 997) {
            Instant instant = Instant.ofEpochSecond(s);
            assertThat(iso.format(instant)).isEqualTo(instant.toString());
        }
    }

    private static String json(Object value) throws IOException {
        return Json.mapper().writeValueAsString(value);
    }
}
