package io.mailflow.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailflow.core.delivery.DeliveryKey;
import org.junit.jupiter.api.Test;

class StoreKeysTest {
    @Test
    void deliveryKey_roundTripsAndStartsWithItsMessagePrefix() {
        DeliveryKey key = new DeliveryKey("mx", 2549, "Support@Example.com");

        String storeKey = StoreKeys.delivery(key);

        assertThat(StoreKeys.parseDelivery(storeKey)).isEqualTo(key);
        assertThat(storeKey).startsWith(StoreKeys.messagePrefix("mx", 2549));
        assertThat(storeKey).doesNotStartWith(StoreKeys.messagePrefix("mx", 254));
    }

    @Test
    void outcomeKey_joinsWithSlashes() {
        assertThat(StoreKeys.outcome(new DeliveryKey("mx", 7, "a@b.c"))).isEqualTo("mx/7/a@b.c");
    }

    @Test
    void malformedDeliveryKey_namesTheStoreAndWhatWasExpected() {
        assertThatThrownBy(() -> StoreKeys.parseDelivery("mx\u0000abc\u0000a@b.c"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("message ID 'abc', expected a number");
        assertThatThrownBy(() -> StoreKeys.parseDelivery("mx/7/a@b.c"))
                .hasMessageContaining("deliveries store key has 1 part(s), expected 3");
    }
}
