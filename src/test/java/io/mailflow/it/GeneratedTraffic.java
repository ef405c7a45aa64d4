package io.mailflow.it;

import io.mailflow.generate.GeneratorSettings;
import io.mailflow.generate.GroundTruth;
import io.mailflow.generate.HostSummary;
import io.mailflow.generate.LogGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The logs of {@link LogGenerator} for a few hosts, with their ground truth, as the records a
 * shipper keyed by host would send: one line of each host in turn, so that every partition gets
 * lines all the time.
 */
final class GeneratedTraffic {
    /** One input record: the host as key, the line's bytes as value. */
    record HostLine(String host, byte[] line) {
        byte[] key() {
            return host.getBytes(StandardCharsets.UTF_8);
        }
    }

    private final GroundTruth truth;
    private final List<HostLine> lines;

    private GeneratedTraffic(GroundTruth truth, List<HostLine> lines) {
        this.truth = truth;
        this.lines = List.copyOf(lines);
    }

    /** Generates {@code messages} messages of {@code hosts} hosts into {@code dir}. */
    static GeneratedTraffic generate(Path dir, int hosts, int messages, long seed)
            throws IOException {
        new LogGenerator(GeneratorSettings.of(hosts, messages).withSeed(seed)).writeTo(dir);
        GroundTruth truth = GroundTruth.read(dir);
        List<List<byte[]>> logs = new ArrayList<>();
        List<String> names = truth.summary().hosts().stream().map(HostSummary::host).toList();
        for (String host : names) {
            logs.add(splitLines(Files.readAllBytes(dir.resolve(host + ".log"))));
        }
        return new GeneratedTraffic(truth, interleave(names, logs));
    }

    GroundTruth truth() {
        return truth;
    }

    /** Every line of every host, in the order they are to be sent. */
    List<HostLine> lines() {
        return lines;
    }

    private static List<HostLine> interleave(List<String> hosts, List<List<byte[]>> logs) {
        List<HostLine> out = new ArrayList<>();
        int longest = logs.stream().mapToInt(List::size).max().orElse(0);
        for (int i = 0; i < longest; i++) {
            for (int h = 0; h < hosts.size(); h++) {
                if (i < logs.get(h).size()) {
                    out.add(new HostLine(hosts.get(h), logs.get(h).get(i)));
                }
            }
        }
        return out;
    }

    /** Lines as the pipeline's shippers cut them: at {@code \n}, the last one unterminated. */
    private static List<byte[]> splitLines(byte[] file) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < file.length; i++) {
            if (file[i] == '\n') {
                lines.add(Arrays.copyOfRange(file, start, i));
                start = i + 1;
            }
        }
        if (start < file.length) {
            lines.add(Arrays.copyOfRange(file, start, file.length));
        }
        return lines;
    }
}
