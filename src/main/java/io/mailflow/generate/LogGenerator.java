package io.mailflow.generate;

import io.mailflow.core.line.EventType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes realistic Web Crossing logs of many hosts and their ground truth into a directory: {@code
 * <host>.log} for each host, and under {@code truth/} the files {@link TruthWriter} names. The same
 * settings always give byte-identical files: each host draws from its own random generator, split
 * in host order from one seeded with {@link GeneratorSettings#seed()}.
 *
 * <p>Files of an earlier run with more hosts are left in place; use an empty directory.
 */
public final class LogGenerator {
    /** The folder, under the output directory, that holds the ground truth. */
    public static final String TRUTH_FOLDER = "truth";

    private final GeneratorSettings settings;

    public LogGenerator(GeneratorSettings settings) {
        this.settings = settings;
    }

    /** The name of host {@code index} (0-based) of {@code hosts}: mail01, mail02, ... */
    public static String hostName(int index, int hosts) {
        String number = Integer.toString(index + 1);
        int width = Math.max(2, Integer.toString(hosts).length());
        return "mail" + "0".repeat(width - number.length()) + number;
    }

    /**
     * Writes every host's log and the truth into {@code directory}, creating it if needed.
     *
     * @return what was written, as also written to {@code truth/summary.json}
     * @throws IOException if a file cannot be created or written
     */
    public GenerationSummary writeTo(Path directory) throws IOException {
        Path truthDirectory = Files.createDirectories(directory.resolve(TRUTH_FOLDER));
        SplittableRandom seeds = new SplittableRandom(settings.seed());
        List<HostGenerator.HostResult> results = new ArrayList<>();
        try (TruthWriter truth = new TruthWriter(truthDirectory)) {
            for (int i = 0; i < settings.hosts(); i++) {
                String host = hostName(i, settings.hosts());
                HostGenerator generator =
                        new HostGenerator(settings, host, messagesOf(i), seeds.split());
                results.add(generator.generate(directory.resolve(host + ".log"), truth));
            }
        }
        GenerationSummary summary = summarise(results);
        TruthWriter.writeSummary(truthDirectory, summary);
        return summary;
    }

    /** The messages of host {@code index}: an even share, the first hosts taking the rest. */
    private int messagesOf(int index) {
        int share = settings.messages() / settings.hosts();
        return share + (index < settings.messages() % settings.hosts() ? 1 : 0);
    }

    private GenerationSummary summarise(List<HostGenerator.HostResult> results) {
        Map<EventType, Long> events = new EnumMap<>(EventType.class);
        for (EventType type : EventType.values()) {
            events.put(type, results.stream().mapToLong(r -> r.events(type)).sum());
        }
        Map<TruthStatus, Long> deliveries = new EnumMap<>(TruthStatus.class);
        for (TruthStatus status : TruthStatus.values()) {
            deliveries.put(
                    status, results.stream().mapToLong(r -> r.statuses()[status.ordinal()]).sum());
        }
        return new GenerationSummary(
                settings.seed(),
                settings.start(),
                settings.days(),
                settings.holdHours(),
                results.stream().map(HostGenerator.HostResult::summary).toList(),
                results.stream().mapToLong(r -> r.written().lines()).sum(),
                results.stream().mapToLong(r -> r.written().blankLines()).sum(),
                results.stream().mapToLong(r -> r.written().damaged().size()).sum(),
                results.stream().mapToLong(HostGenerator.HostResult::swappedPairs).sum(),
                results.stream().mapToLong(r -> r.written().lateErrorLines()).sum(),
                events,
                deliveries,
                results.stream().mapToLong(HostGenerator.HostResult::inbound).sum(),
                results.stream().mapToLong(HostGenerator.HostResult::sessions).sum());
    }
}
