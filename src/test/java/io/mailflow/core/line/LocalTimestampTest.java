package io.mailflow.core.line;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalTimestampTest {

    @Test
    void everyDayOf1970To2069_hasTheEpochDayOfLocalDate() {
        List<LocalDate> wrong = new ArrayList<>();
        for (LocalDate d = LocalDate.of(1970, 1, 1); d.getYear() < 2070; d = d.plusDays(1)) {
            if (LocalTimestamp.epochDay(d.getYear(), d.getMonthValue() - 1, d.getDayOfMonth())
                    != d.toEpochDay()) {
                wrong.add(d);
            }
        }
        assertThat(wrong).isEmpty();
    }
}
