package io.mailflow.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** A fixed set of choices, each drawn with a probability proportional to its weight. */
final class Weighted<T> {
    private final List<T> values = new ArrayList<>();
    private double[] cumulative = new double[0];
    private double total;

    Weighted<T> add(T value, double weight) {
        if (!(weight > 0)) {
            throw new IllegalArgumentException("weight must be positive, but was " + weight);
        }
        values.add(value);
        total += weight;
        cumulative = Arrays.copyOf(cumulative, values.size());
        cumulative[values.size() - 1] = total;
        return this;
    }

    T pick(SplittableRandom random) {
        double r = random.nextDouble() * total;
        for (int i = 0; i < cumulative.length; i++) {
            if (r < cumulative[i]) {
                return values.get(i);
            }
        }
        return values.get(values.size() - 1);
    }

    List<T> values() {
        return List.copyOf(values);
    }
}
