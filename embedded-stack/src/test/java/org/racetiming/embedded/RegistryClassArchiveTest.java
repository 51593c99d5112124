package org.racetiming.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryClassArchiveTest {

    @Test
    void shouldKeepOnlyTheMostRecentlyUsedArchivesAndDropDeadStagingFiles(@TempDir Path cache) throws Exception {
        Instant now = Instant.now();
        for (int i = 0; i < 5; i++) {
            Path archive = Files.writeString(cache.resolve("apicurio-" + i + ".jsa"), "archive " + i);
            Files.setLastModifiedTime(archive, FileTime.from(now.minus(Duration.ofDays(i))));
        }
        Path deadStaging = Files.writeString(cache.resolve("apicurio-9.jsa123.tmp"), "half");
        Files.setLastModifiedTime(deadStaging, FileTime.from(now.minus(Duration.ofHours(2))));
        Path liveStaging = Files.writeString(cache.resolve("apicurio-8.jsa456.tmp"), "being written");
        Path notOurs = Files.writeString(cache.resolve("other.jsa"), "someone else's");

        RegistryClassArchive.prune(cache, 3);

        try (Stream<Path> left = Files.list(cache)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    "apicurio-0.jsa", "apicurio-1.jsa", "apicurio-2.jsa", liveStaging.getFileName().toString(),
                    notOurs.getFileName().toString());
        }
    }
}
