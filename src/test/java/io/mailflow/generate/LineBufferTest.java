package io.mailflow.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LineBufferTest {

    @Test
    void sort_ordersByTimeAndKeepsTheOrderOfAddingWithinASecond() {
        LineBuffer lines = new LineBuffer(1000, 2000);
        OtherLine a = new OtherLine("webx", "OK", "a");
        OtherLine b = new OtherLine("webx", "OK", "b");
        OtherLine c = new OtherLine("webx", "OK", "c");
        lines.add(1500, a, 0);
        lines.add(1200, b, 0);
        lines.add(1500, c, 0);
        lines.sort();

        assertThat(List.of(lines.source(0), lines.source(1), lines.source(2)))
                .containsExactly(b, a, c);
    }

    @Test
    void linesAtOrAfterTheEnd_areDropped() {
        LineBuffer lines = new LineBuffer(1000, 2000);
        lines.add(1999, new OtherLine("webx", "OK", null), 0);
        lines.add(2000, new OtherLine("webx", "OK", null), 0);

        assertThat(lines.size()).isEqualTo(1);
        assertThat(lines.lastStamp()).isEqualTo(1999);
    }

    @Test
    void swaps_reverseOnlyNearbyLinesOfDifferentSubjects() {
        LineBuffer lines = new LineBuffer(0, 1_000_000);
        SplittableRandom random = new SplittableRandom(3);
        OtherLine shared = new OtherLine("webx", "OK", "same subject");
        for (int i = 0; i < 20_000; i++) {
            OtherLine line = i % 3 == 0 ? shared : new OtherLine("webx", "OK", null);
            lines.add(i * 2L + random.nextInt(2), line, 0);
        }
        lines.add(500_000, new OtherLine("webx", "OK", "far"), 0);
        lines.sort();

        int swapped = lines.swapNeighbours(random, 0.5);

        List<Integer> descents = new ArrayList<>();
        for (int p = 1; p < lines.size(); p++) {
            if (lines.stamp(p) < lines.stamp(p - 1)) {
                descents.add(p);
                assertThat(lines.stamp(p - 1) - lines.stamp(p)).isBetween(1L, 5L);
                assertThat(lines.source(p).subject()).isNotSameAs(lines.source(p - 1).subject());
            }
        }
        assertThat(descents).hasSize(swapped);
        assertThat(swapped).isGreaterThan(1000);
    }
}
