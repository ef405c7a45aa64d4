package io.mailflow.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailflow.core.line.EventType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogGeneratorTest {
    private static final GeneratorSettings SMALL = GeneratorSettings.of(3, 600);

    @TempDir Path temp;

    @Test
    void sameSeed_writesByteIdenticalFiles() throws IOException {
        new LogGenerator(SMALL).writeTo(temp.resolve("a"));
        new LogGenerator(SMALL).writeTo(temp.resolve("b"));

        List<Path> files = files(temp.resolve("a"));
        assertThat(files).hasSize(3 + 5);
        assertThat(files(temp.resolve("b"))).isEqualTo(files);
        for (Path file : files) {
            assertThat(temp.resolve("b").resolve(file))
                    .as(file.toString())
                    .hasSameBinaryContentAs(temp.resolve("a").resolve(file));
        }
    }

    @Test
    void differentSeed_writesDifferentLogsAndTruth() throws IOException {
        new LogGenerator(SMALL).writeTo(temp.resolve("a"));
        new LogGenerator(SMALL.withSeed(2)).writeTo(temp.resolve("b"));

        for (String file : List.of("mail01.log", "mail03.log", "truth/deliveries.jsonl")) {
            assertThat(Files.readAllBytes(temp.resolve("b").resolve(file)))
                    .as(file)
                    .isNotEqualTo(Files.readAllBytes(temp.resolve("a").resolve(file)));
        }
    }

    @Test
    void hostsOfOneRun_differFromEachOther() throws IOException {
        new LogGenerator(SMALL).writeTo(temp);

        assertThat(Files.readAllBytes(temp.resolve("mail02.log")))
                .isNotEqualTo(Files.readAllBytes(temp.resolve("mail01.log")));
    }

    @Test
    void summary_countsWhatTheFilesHold() throws IOException {
        GeneratedRun run = GeneratedRun.generate(SMALL, temp);
        GenerationSummary summary = run.summary();

        assertThat(run.truth().summary()).isEqualTo(summary);
        for (HostSummary host : summary.hosts()) {
            assertThat(host.lines()).isEqualTo(run.lines(host.host()).size());
        }
        List<ReadLines.Line> all =
                run.linesByHost().values().stream().flatMap(List::stream).toList();
        assertThat(summary.totalLines()).isEqualTo(all.size());
        assertThat(summary.blankLines()).isEqualTo(count(all, ReadLines.Kind.BLANK));
        assertThat(summary.damagedLines())
                .isEqualTo(count(all, ReadLines.Kind.UNREADABLE))
                .isEqualTo(run.truth().damaged().size());
        Map<EventType, Long> events =
                run.readLines().stream()
                        .collect(
                                Collectors.groupingBy(ReadLines.Line::type, Collectors.counting()));
        for (EventType type : EventType.values()) {
            assertThat(summary.events().get(type))
                    .as(type.name())
                    .isEqualTo(events.getOrDefault(type, 0L));
        }
    }

    @Test
    void summary_countsTruthRecords() throws IOException {
        GeneratedRun run = GeneratedRun.generate(SMALL, temp);
        GenerationSummary summary = run.summary();

        Map<TruthStatus, Long> statuses =
                run.truth().deliveries().stream()
                        .collect(
                                Collectors.groupingBy(
                                        DeliveryTruth::status, Collectors.counting()));
        for (TruthStatus status : TruthStatus.values()) {
            assertThat(summary.deliveries().get(status))
                    .as(status.name())
                    .isEqualTo(statuses.getOrDefault(status, 0L));
        }
        assertThat(summary.inbound()).isEqualTo(run.truth().inbound().size());
        assertThat(summary.sessions()).isEqualTo(run.truth().sessions().size());
        assertThat(summary.events().get(EventType.QUEUED)).isEqualTo(summary.deliveryCount());
        assertThat(summary.holdHours()).isEqualTo(48);
        assertThat(summary.hosts())
                .extracting(HostSummary::host)
                .containsExactly("mail01", "mail02", "mail03");
    }

    @Test
    void messages_areSharedEvenlyBetweenHosts() throws IOException {
        GenerationSummary summary = new LogGenerator(GeneratorSettings.of(3, 301)).writeTo(temp);

        assertThat(summary.hosts())
                .extracting(HostSummary::messages)
                .containsExactly(101L, 100L, 100L);
    }

    @Test
    void noMessages_stillWritesEveryFile() throws IOException {
        GenerationSummary summary = new LogGenerator(GeneratorSettings.of(1, 0)).writeTo(temp);

        assertThat(summary.deliveryCount()).isZero();
        assertThat(summary.events().get(EventType.OTHER)).isPositive();
        assertThat(files(temp)).hasSize(1 + 5);
    }

    @Test
    void hostNames_havePaddedNumbers() {
        assertThat(LogGenerator.hostName(0, 1)).isEqualTo("mail01");
        assertThat(LogGenerator.hostName(11, 12)).isEqualTo("mail12");
        assertThat(LogGenerator.hostName(6, 150)).isEqualTo("mail007");
    }

    private static long count(List<ReadLines.Line> lines, ReadLines.Kind kind) {
        return lines.stream().filter(line -> line.kind() == kind).count();
    }

    private static List<Path> files(Path directory) throws IOException {
        try (Stream<Path> walk = Files.walk(directory)) {
            List<Path> files =
                    new ArrayList<>(
                            walk.filter(Files::isRegularFile).map(directory::relativize).toList());
            files.sort(null);
            return files;
        }
    }
}
