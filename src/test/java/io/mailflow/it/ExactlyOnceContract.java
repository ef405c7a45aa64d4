package io.mailflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailflow.generate.GroundTruth;
import org.junit.jupiter.api.Test;

/**
 * What exactly-once means for the outcomes topic, checked on the records a disturbed run left on it
 * ({@code read_committed}) against the generator's ground truth and against an undisturbed run of
 * the same lines.
 */
abstract class ExactlyOnceContract {
    /** The ground truth of the generated logs. */
    abstract GroundTruth truth();

    /** The outcome records of the disturbed run on the broker. */
    abstract OutcomeHistory actual();

    /** The outcome records of the same lines through the topology without a broker. */
    abstract OutcomeHistory reference();

    @Test
    void latestOutcomeOfEveryDelivery_equalsTheGroundTruth() {
        var expected = OutcomeHistory.expectedLatest(truth());

        assertThat(expected).hasSizeGreaterThan(1000);
        assertThat(OutcomeHistory.differences(expected, actual().latestPerDelivery()))
                .as("deliveries whose latest outcome differs from the truth")
                .isEmpty();
    }

    @Test
    void everyStatusChange_appearsOnceAsInAnUndisturbedRun() {
        assertThat(actual().repeatedStatusChanges()).as("status changes written twice").isEmpty();
        assertThat(
                        OutcomeHistory.differences(
                                reference().statusChanges(), actual().statusChanges()))
                .as("keys whose status changes differ from an undisturbed run")
                .isEmpty();
    }

    @Test
    void everyOutcomeRecord_isWrittenOnceAsInAnUndisturbedRun() {
        assertThat(reference().repeatedRecords()).isEmpty();

        assertThat(actual().repeatedRecords()).as("records written twice").isEmpty();
        assertThat(OutcomeHistory.differences(reference().records(), actual().records()))
                .as("keys whose records differ from an undisturbed run")
                .isEmpty();
    }
}
