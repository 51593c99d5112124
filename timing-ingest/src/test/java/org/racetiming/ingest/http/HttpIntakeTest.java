package org.racetiming.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HttpIntakeTest {

    @Test
    void shouldKeepASmallBodyWholeForTheRejectedTopic() {
        assertThat(HttpIntake.rawText("{\"lap\":}".getBytes(StandardCharsets.UTF_8))).isEqualTo("{\"lap\":}");
    }

    @Test
    void shouldCutAHugeBodySoThatItStillFitsInAKafkaRecord() {
        byte[] body = "x".repeat(1024 * 1024).getBytes(StandardCharsets.UTF_8);

        String raw = HttpIntake.rawText(body);

        assertThat(raw).hasSizeLessThan(HttpIntake.MAX_RAW_CHARS + 100).endsWith("... (cut; it had 1048576 characters)");
    }
}
