package io.mailflow.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StaticFilesTest {

    @ParameterizedTest
    @CsvSource({
        "index.html,    text/html; charset=utf-8",
        "dashboard.css, text/css; charset=utf-8",
        "dashboard.js,  text/javascript; charset=utf-8"
    })
    void dashboardFile_isServedWhole_withItsContentType(String name, String type)
            throws IOException {
        Response response = StaticFiles.get(name);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo(type);
        assertThat(response.body()).isEqualTo(resource(name)).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "../dashboard/index.html",
                "..index.html",
                "..\\index.html",
                "dashboard/../index.html",
                "sub/index.html"
            })
    void nameThatLeavesTheFolder_isA404(String name) {
        assertThatThrownBy(() -> StaticFiles.get(name))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.status()).isEqualTo(404))
                .hasMessageContaining(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"index", "package-info.java", "StaticFiles.class", "dashboard.js.map"})
    void unknownType_isA404(String name) {
        assertThatThrownBy(() -> StaticFiles.get(name))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.status()).isEqualTo(404))
                .hasMessageContaining(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"missing.css", "logo.svg", "Index.html"})
    void knownTypeButNoSuchFile_isA404NamingIt(String name) {
        assertThatThrownBy(() -> StaticFiles.get(name))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.status()).isEqualTo(404))
                .hasMessageContaining("/" + name);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in =
                StaticFilesTest.class.getResourceAsStream(
                        "/io/mailflow/runtime/http/dashboard/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }
}
