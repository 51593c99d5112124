package org.racetiming.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApicurioDistributionTest {
    private static final String VERSION = "9.9.9.Final";
    private static final String RUNNER = "apicurio-registry-app-" + VERSION + "-runner.jar";

    @TempDir
    Path temp;

    @Test
    void shouldPreferTheSystemPropertyOverTheEnvironmentAndTheBuildOutput() throws IOException {
        Path fromProperty = distribution(temp.resolve("property"));
        Path fromEnv = distribution(temp.resolve("env"));
        distribution(temp.resolve("work/target/apicurio"));
        Properties props = props(temp.resolve("work"));
        props.setProperty(ApicurioDistribution.HOME_PROPERTY, fromProperty.toString());

        Path runner = new ApicurioDistribution(VERSION, Map.of(ApicurioDistribution.HOME_ENV, fromEnv.toString()), props).runnerJar();

        assertThat(runner).isEqualTo(fromProperty.resolve(RUNNER));
    }

    @Test
    void shouldFindTheCopyUnpackedByTheBuildFromASiblingModule() throws IOException {
        Path unpacked = distribution(temp.resolve("repo/embedded-stack/target/apicurio"));
        Files.createDirectories(temp.resolve("repo/timing-ingest"));

        Path runner = new ApicurioDistribution(VERSION, Map.of(), props(temp.resolve("repo/timing-ingest"))).runnerJar();

        assertThat(runner).isEqualTo(unpacked.resolve(RUNNER));
    }

    @Test
    void shouldIgnoreAHomeWithoutItsLibraries() throws IOException {
        Path incomplete = Files.createDirectories(temp.resolve("incomplete"));
        Files.createFile(incomplete.resolve(RUNNER));
        Path complete = distribution(temp.resolve("work/target/apicurio"));
        Properties props = props(temp.resolve("work"));
        props.setProperty(ApicurioDistribution.HOME_PROPERTY, incomplete.toString());

        assertThat(new ApicurioDistribution(VERSION, Map.of(), props).runnerJar()).isEqualTo(complete.resolve(RUNNER));
    }

    @Test
    void shouldSayWhereItLookedAndWhatToDoWhenNothingIsFound() {
        ApicurioDistribution distribution = new ApicurioDistribution(VERSION, Map.of(), props(temp.resolve("nowhere")));

        assertThatThrownBy(distribution::runnerJar)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Apicurio Registry " + VERSION + " not found")
                .hasMessageContaining(temp.resolve("nowhere/target/apicurio").toString())
                .hasMessageContaining("apicurio-registry-app-" + VERSION + "-all.tar.gz")
                .hasMessageContaining(ApicurioDistribution.HOME_PROPERTY);
    }

    private Properties props(Path workingDir) {
        Properties props = new Properties();
        props.setProperty("user.dir", workingDir.toString());
        props.setProperty("user.home", temp.resolve("home").toString());
        props.setProperty("maven.repo.local", temp.resolve("m2").toString());
        return props;
    }

    private static Path distribution(Path home) throws IOException {
        Files.createDirectories(home.resolve("lib"));
        Files.createFile(home.resolve(RUNNER));
        return home;
    }
}
