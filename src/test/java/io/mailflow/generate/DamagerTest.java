package io.mailflow.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DamagerTest {
    private static final List<String> REAL_LINES =
            List.of(
                    "20-Jun-03 08:27:18 smtp-in OK (Received mail from: a@example.org to:"
                            + " b@example.com client-IP:192.0.2.1)",
                    "20-Jun-03 08:09:46 smtp-out OK ID=2549 Send email. Outgoing message queued"
                            + " To: b@example.com From: a@example.org",
                    "20-Jun-03 03:43:31 pop3 OK LOGIN by support from 192.0.2.1",
                    "01-Dec-03 23:59:59 webx OK Server started");

    @TempDir Path temp;

    @Test
    void kinds_takeTurns() {
        Damager damager = new Damager(new SplittableRandom(5), population());
        List<Damage> kinds = new ArrayList<>();
        for (int i = 0; i < Damage.values().length; i++) {
            kinds.add(damager.nextKind());
        }

        assertThat(kinds).containsExactlyInAnyOrder(Damage.values());
    }

    @Test
    void everyDamagedLine_isUnreadableAndOneLine() throws IOException {
        Damager damager = new Damager(new SplittableRandom(9), population());
        List<byte[]> damaged = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            String line = REAL_LINES.get(i % REAL_LINES.size());
            damaged.add(damager.damage(Damage.values()[i % Damage.values().length], line));
        }
        Path file = temp.resolve("damaged.log");
        try (AsciiLineWriter out = new AsciiLineWriter(Files.newOutputStream(file))) {
            for (byte[] line : damaged) {
                out.writeLine(line);
            }
        }

        List<ReadLines.Line> read = ReadLines.of(file);
        assertThat(read).hasSize(damaged.size());
        assertThat(read).allMatch(line -> line.kind() == ReadLines.Kind.UNREADABLE);
    }

    @Test
    void truncatedLine_endsAfterTheTime() {
        Damager damager = new Damager(new SplittableRandom(1), population());

        String damaged =
                new String(damager.damage(Damage.TRUNCATED_BEFORE_SERVICE, REAL_LINES.get(2)));

        assertThat(damaged.strip()).isEqualTo("20-Jun-03 03:43:31");
    }

    @Test
    void randomBytes_includeBytesThatAreNotAscii() {
        Damager damager = new Damager(new SplittableRandom(1), population());

        byte[] damaged = damager.damage(Damage.RANDOM_BYTES, REAL_LINES.get(0));

        assertThat(damaged[0]).isNegative();
        assertThat(damaged).doesNotContain((byte) '\n', (byte) '\r');
    }

    private static Population population() {
        return new Population(new SplittableRandom(2), 100);
    }
}
