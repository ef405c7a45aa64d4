package io.mailflow.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailflow.core.delivery.DeliveryStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestTest {
    @Test
    void queryParameters_areDecodedAndTheFirstValueWins() {
        Request request =
                Request.of(
                        "/api/deliveries", "status=bounced&domain=Ex%41mple.com&status=x", false);

        assertThat(request.param("status")).isEqualTo("bounced");
        assertThat(request.param("domain")).isEqualTo("ExAmple.com");
        assertThat(request.param("absent")).isNull();
    }

    @Test
    void filter_readsStatusInAnyCaseAndLowersTheDomain() {
        Request request = Request.of("/api/deliveries", "status=bounced&domain=Example.COM", false);

        assertThat(DeliveryFilter.of(request))
                .isEqualTo(new DeliveryFilter(DeliveryStatus.BOUNCED, null, "example.com"));
    }

    @Test
    void unknownStatus_isA400NamingTheParameterAndTheChoices() {
        Request request = Request.of("/api/deliveries", "status=LOST", false);

        assertThatThrownBy(() -> DeliveryFilter.of(request))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining("parameter 'status' is 'LOST'")
                .hasMessageContaining("DELIVERED");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "1001", "ten", "1.5"})
    void badLimit_isA400NamingTheRange(String limit) {
        Request request = Request.of("/api/deliveries", "limit=" + limit, false);

        assertThatThrownBy(() -> request.intParam("limit", 100, 1000))
                .isInstanceOf(ApiException.class)
                .hasMessage(
                        "parameter 'limit' is '" + limit + "', expected an integer from 1 to 1000");
    }

    @Test
    void absentLimit_takesTheDefault() {
        assertThat(Request.of("/x", null, false).intParam("limit", 100, 1000)).isEqualTo(100);
    }
}
