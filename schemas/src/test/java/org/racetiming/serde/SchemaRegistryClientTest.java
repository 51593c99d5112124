package org.racetiming.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SchemaRegistryClientTest {

    @Test
    void shouldDropTrailingSlashAndCredentialsFromTheUrlItShows() {
        try (SchemaRegistryClient client = new SchemaRegistryClient("https://key:s%40cret@registry.example:8081/apis/ccompat/v7/")) {
            assertThat(client.baseUrl()).isEqualTo("https://registry.example:8081/apis/ccompat/v7");
            assertThat(client.toString()).doesNotContain("cret");
        }
    }

    @Test
    void shouldAcceptAUrlWithoutPath() {
        try (SchemaRegistryClient client = new SchemaRegistryClient("http://127.0.0.1:8081")) {
            assertThat(client.baseUrl()).isEqualTo("http://127.0.0.1:8081");
        }
    }

    @Test
    void shouldRefuseSomethingThatIsNotAnHttpUrl() {
        assertThatThrownBy(() -> new SchemaRegistryClient("127.0.0.1:8081"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Not a schema registry URL")
                .hasMessageContaining("http(s)://");
    }

    @Test
    void shouldRefuseARetryBudgetWithoutAnyAttempt() {
        assertThatThrownBy(() -> SchemaRegistryClient.Settings.defaults().withMaxAttempts(0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRefuseAnUnknownCompatibilityLevelBeforeAskingTheRegistry() {
        try (SchemaRegistryClient client = new SchemaRegistryClient("http://127.0.0.1:1")) {
            assertThatThrownBy(() -> client.setCompatibility(null, "BACKWARDS"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Unknown compatibility level 'BACKWARDS'")
                    .hasMessageContaining("BACKWARD_TRANSITIVE");
            assertThat(client.requestsSent()).isZero();
        }
    }

    @Test
    void shouldRefuseCallsAfterClose() {
        SchemaRegistryClient client = new SchemaRegistryClient("http://127.0.0.1:8081");
        client.close();

        assertThatThrownBy(() -> client.schemaById(1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }
}
