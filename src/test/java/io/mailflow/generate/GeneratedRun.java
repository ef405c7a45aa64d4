package io.mailflow.generate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One generation run read back: its settings, its truth and every host's lines. */
record GeneratedRun(
        GeneratorSettings settings,
        Path directory,
        GenerationSummary summary,
        GroundTruth truth,
        Map<String, List<ReadLines.Line>> linesByHost) {

    static GeneratedRun generate(GeneratorSettings settings, Path directory) throws IOException {
        GenerationSummary summary = new LogGenerator(settings).writeTo(directory);
        Map<String, List<ReadLines.Line>> lines = new LinkedHashMap<>();
        for (int i = 0; i < settings.hosts(); i++) {
            String host = LogGenerator.hostName(i, settings.hosts());
            lines.put(host, ReadLines.of(directory.resolve(host + ".log")));
        }
        return new GeneratedRun(settings, directory, summary, GroundTruth.read(directory), lines);
    }

    List<ReadLines.Line> lines(String host) {
        return linesByHost.get(host);
    }

    /** The readable lines of every host, host by host. */
    List<ReadLines.Line> readLines() {
        return linesByHost.values().stream()
                .flatMap(List::stream)
                .filter(line -> line.kind() == ReadLines.Kind.READ)
                .toList();
    }
}
