package io.mailflow.runtime.bench;

import io.mailflow.core.line.LineSplitter;
import io.mailflow.generate.GeneratorSettings;
import io.mailflow.generate.LogGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Generated Web Crossing log lines held in memory, the hosts' lines interleaved in turn as a line
 * shipper on each server would send them, so that sending costs no file reading.
 */
final class BenchLines {
    /** Generated logs run to almost eight lines per outgoing message; seven leaves some over. */
    private static final int LINES_PER_MESSAGE = 7;

    private final byte[][] hosts;
    private final int[] hostOf;
    private final byte[][] lines;

    private BenchLines(byte[][] hosts, int[] hostOf, byte[][] lines) {
        this.hosts = hosts;
        this.hostOf = hostOf;
        this.lines = lines;
    }

    /**
     * Generates logs of {@code hostCount} hosts into a new directory under {@code workDir}, which
     * the caller deletes, and keeps their first {@code count} lines, taken from the hosts in turn.
     */
    static BenchLines generate(int count, int hostCount, long seed, Path workDir)
            throws IOException {
        int messages = Math.max(hostCount, count / LINES_PER_MESSAGE + hostCount);
        Path dir = Files.createTempDirectory(workDir, "logs-");
        GeneratorSettings settings = GeneratorSettings.of(hostCount, messages).withSeed(seed);
        new LogGenerator(settings).writeTo(dir);
        List<List<byte[]>> perHost = new ArrayList<>();
        for (int h = 0; h < hostCount; h++) {
            perHost.add(read(dir.resolve(LogGenerator.hostName(h, hostCount) + ".log")));
        }
        return interleave(perHost, hostCount, count);
    }

    private static BenchLines interleave(List<List<byte[]>> perHost, int hostCount, int count) {
        byte[][] hosts = new byte[hostCount][];
        for (int h = 0; h < hostCount; h++) {
            hosts[h] = utf8(LogGenerator.hostName(h, hostCount));
        }
        int available = perHost.stream().mapToInt(List::size).sum();
        int n = Math.min(count, available);
        int[] hostOf = new int[n];
        byte[][] lines = new byte[n][];
        int taken = 0;
        for (int i = 0; taken < n; i++) {
            for (int h = 0; h < hostCount && taken < n; h++) {
                if (i < perHost.get(h).size()) {
                    hostOf[taken] = h;
                    lines[taken] = perHost.get(h).get(i);
                    taken++;
                }
            }
        }
        return new BenchLines(hosts, hostOf, lines);
    }

    /** {@code lines}, each written by the host at the same index of {@code hostOfLine}. */
    static BenchLines of(List<String> hostOfLine, List<byte[]> lines) {
        List<String> names = hostOfLine.stream().distinct().toList();
        byte[][] hosts = names.stream().map(BenchLines::utf8).toArray(byte[][]::new);
        int[] hostOf = hostOfLine.stream().mapToInt(names::indexOf).toArray();
        return new BenchLines(hosts, hostOf, lines.toArray(byte[][]::new));
    }

    /** The first {@code n} lines, or all when there are fewer. */
    BenchLines first(int n) {
        int m = Math.min(n, lines.length);
        return new BenchLines(hosts, Arrays.copyOf(hostOf, m), Arrays.copyOf(lines, m));
    }

    int size() {
        return lines.length;
    }

    /** The index of the host of line {@code i}, from 0 in the order the hosts first appear. */
    int hostIndex(int i) {
        return hostOf[i];
    }

    /** The host of line {@code i} in UTF-8, the record key a shipper gives it. */
    byte[] hostBytes(int i) {
        return hosts[hostOf[i]];
    }

    String host(int i) {
        return new String(hostBytes(i), StandardCharsets.UTF_8);
    }

    byte[] line(int i) {
        return lines[i];
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<byte[]> read(Path file) throws IOException {
        List<byte[]> lines = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            LineSplitter.split(in, lines::add);
        }
        return lines;
    }
}
