package org.racetiming.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedSchemaRegistryTest {

    @Test
    void shouldShowTheChildsLastWordsWhenItCannotStart(@TempDir Path temp) throws IOException {
        Path notAJar = Files.writeString(temp.resolve("apicurio-runner.jar"), "not a jar");

        assertThatThrownBy(() -> EmbeddedSchemaRegistry.start(notAJar))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("schema registry process exited with code 1")
                .hasMessageContaining("--- last lines of")
                .hasMessageContaining("apicurio-runner.jar");
    }

    @Test
    void shouldRecogniseThatAnotherProcessTookThePort() {
        assertThat(EmbeddedSchemaRegistry.portTaken(
                "ERROR <> [io.quarkus.runtime.ApplicationLifecycleManager] (main) Port 18091 seems to be in use by another process."))
                .isTrue();
        assertThat(EmbeddedSchemaRegistry.portTaken("java.net.BindException: Address already in use")).isTrue();
        assertThat(EmbeddedSchemaRegistry.portTaken("Error: Invalid or corrupt jarfile")).isFalse();
    }
}
