package io.mailflow.bench;

import io.mailflow.core.classify.Classification;
import io.mailflow.core.classify.ErrorClassifier;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Classifications per second over {@link ErrorTextMix}, one text per operation: the rule classifier
 * against the {@link RegexClassifier} baseline, in the same run so that the ratio means something
 * on shared cores. Run with {@code bench/jmh Classify}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ClassifyBenchmark {
    private static final int MASK = 63;

    private String[] texts;
    private ErrorClassifier rules;
    private RegexClassifier regex;
    private int next;

    @Setup
    public void setUp() {
        texts = ErrorTextMix.TEXTS.toArray(String[]::new);
        if (texts.length != MASK + 1) {
            throw new IllegalStateException(
                    "the mix must hold " + (MASK + 1) + " texts, has " + texts.length);
        }
        rules = ErrorClassifier.builtIn();
        regex = new RegexClassifier();
    }

    @Benchmark
    public Classification ruleClassifier() {
        return rules.classify(texts[next++ & MASK]);
    }

    @Benchmark
    public Classification regexBaseline() {
        return regex.classify(texts[next++ & MASK]);
    }
}
