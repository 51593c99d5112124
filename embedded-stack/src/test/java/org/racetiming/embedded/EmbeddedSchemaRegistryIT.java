package org.racetiming.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EmbeddedSchemaRegistryIT {
    private static final String LAP_V1 =
            "{\"type\":\"record\",\"name\":\"Lap\",\"namespace\":\"it\",\"fields\":[{\"name\":\"car\",\"type\":\"string\"}]}";
    private static EmbeddedSchemaRegistry registry;

    @BeforeAll
    static void startRegistry() {
        registry = EmbeddedSchemaRegistry.start();
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    @Test
    void shouldServeTheConfluentCompatibleApiOnTheLoopbackInterface() {
        assertThat(registry.url()).matches("http://127\\.0\\.0\\.1:\\d+/apis/ccompat/v7");
    }

    @Test
    void shouldReturnARegisteredSchemaById() throws Exception {
        HttpResponse<String> registered = Registry.post(registry.url() + "/subjects/laps-value/versions", Registry.schemaBody(LAP_V1));
        assertThat(registered.statusCode()).isEqualTo(200);
        String id = registered.body().replaceAll("\\D", "");

        HttpResponse<String> byId = Registry.get(registry.url() + "/schemas/ids/" + id);

        assertThat(byId.statusCode()).isEqualTo(200);
        assertThat(byId.body()).contains("\\\"name\\\":\\\"Lap\\\"", "\\\"name\\\":\\\"car\\\"");
    }

    @Test
    void shouldUseBackwardCompatibility() throws Exception {
        HttpResponse<String> config = Registry.get(registry.url() + "/config");

        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(config.body()).contains("\"BACKWARD\"");
    }

    @Test
    void shouldRejectANewRequiredFieldBecauseOldDataCouldNotBeRead() throws Exception {
        String subject = registry.url() + "/subjects/pits-value/versions";
        String withRequiredField = LAP_V1.replace("]}", ",{\"name\":\"pitTimeMs\",\"type\":\"long\"}]}");
        String withDefault = LAP_V1.replace("]}", ",{\"name\":\"pitTimeMs\",\"type\":\"long\",\"default\":0}]}");
        assertThat(Registry.post(subject, Registry.schemaBody(LAP_V1)).statusCode()).isEqualTo(200);

        assertThat(Registry.post(subject, Registry.schemaBody(withRequiredField)).statusCode()).isEqualTo(409);
        assertThat(Registry.post(subject, Registry.schemaBody(withDefault)).statusCode()).isEqualTo(200);
    }
}
