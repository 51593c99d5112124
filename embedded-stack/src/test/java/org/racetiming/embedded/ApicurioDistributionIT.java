package org.racetiming.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApicurioDistributionIT {

    @Test
    void shouldUnpackTheReleaseArchiveFromTheLocalMavenRepositoryWhenNoCopyIsAround(@TempDir Path temp) throws IOException {
        Properties props = new Properties();
        props.setProperty("user.dir", temp.resolve("elsewhere").toString());
        props.setProperty("user.home", temp.resolve("home").toString());
        Path realRepository = Path.of(System.getProperty("user.home"), ".m2", "repository");
        props.setProperty("maven.repo.local", System.getProperty("maven.repo.local", realRepository.toString()));
        ApicurioDistribution distribution = new ApicurioDistribution(BuildVersions.apicurio(), Map.of(), props);
        assumeTrue(Files.isRegularFile(distribution.archiveInMavenRepository()),
                "no Apicurio archive in the local Maven repository: " + distribution.archiveInMavenRepository());

        Path runner = distribution.runnerJar();

        assertThat(runner.getParent()).isEqualTo(temp.resolve("home/.cache/race-timing/apicurio-" + BuildVersions.apicurio()));
        assertThat(runner).isRegularFile();
        Path unpackedByTheBuild = Path.of("target/apicurio");
        if (Files.isDirectory(unpackedByTheBuild)) {
            assertThat(filesAndSizes(runner.getParent())).isEqualTo(filesAndSizes(unpackedByTheBuild));
        } else {
            assertThat(filesAndSizes(runner.resolveSibling("lib"))).hasSizeGreaterThan(100);
        }
        assertThat(distribution.runnerJar()).as("found in the cache the second time").isEqualTo(runner);
    }

    /** Relative path to size of every file: long names and contents must survive the tar reader. */
    private static Map<String, Long> filesAndSizes(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).collect(Collectors.toMap(
                    path -> root.relativize(path).toString(), path -> path.toFile().length()));
        }
    }
}
