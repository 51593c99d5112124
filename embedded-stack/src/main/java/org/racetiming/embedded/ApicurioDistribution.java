package org.racetiming.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds Apicurio Registry's runnable distribution (the runner jar next to its {@code lib/}): an
 * explicit home, the copy the build unpacks into {@code embedded-stack/target/apicurio}, or else
 * the release archive in the local Maven repository, unpacked once into a cache directory.
 */
final class ApicurioDistribution {
    private static final Logger LOG = LoggerFactory.getLogger(ApicurioDistribution.class);
    static final String HOME_PROPERTY = "racetiming.apicurio.home";
    static final String HOME_ENV = "APICURIO_HOME";

    private final String version;
    private final Map<String, String> env;
    private final Properties systemProperties;

    ApicurioDistribution(String version, Map<String, String> env, Properties systemProperties) {
        this.version = version;
        this.env = env;
        this.systemProperties = systemProperties;
    }

    static ApicurioDistribution ofThisJvm() {
        return new ApicurioDistribution(BuildVersions.apicurio(), System.getenv(), System.getProperties());
    }

    /** The runner jar to start with {@code java -jar}. */
    Path runnerJar() {
        List<Path> looked = new ArrayList<>();
        for (Path home : candidateHomes()) {
            looked.add(home);
            Optional<Path> jar = runnerIn(home);
            if (jar.isPresent()) {
                return jar.get();
            }
        }
        Path archive = archiveInMavenRepository();
        if (Files.isRegularFile(archive)) {
            return runnerIn(unpackToCache(archive)).orElseThrow(() ->
                    new IllegalStateException("no " + runnerName() + " in " + archive));
        }
        throw new IllegalStateException("Apicurio Registry " + version + " not found. Looked in " + looked + " and for "
                + archive + ". Build the embedded-stack module (it unpacks the distribution), or set -D"
                + HOME_PROPERTY + " or " + HOME_ENV + " to a directory holding " + runnerName() + " and lib/.");
    }

    List<Path> candidateHomes() {
        List<Path> homes = new ArrayList<>();
        Optional.ofNullable(systemProperties.getProperty(HOME_PROPERTY)).filter(s -> !s.isBlank()).map(Path::of).ifPresent(homes::add);
        Optional.ofNullable(env.get(HOME_ENV)).filter(s -> !s.isBlank()).map(Path::of).ifPresent(homes::add);
        Path workingDir = Path.of(systemProperties.getProperty("user.dir", "."));
        homes.add(workingDir.resolve("target/apicurio"));
        homes.add(workingDir.resolve("embedded-stack/target/apicurio"));
        homes.add(workingDir.resolve("../embedded-stack/target/apicurio").normalize());
        homes.add(cacheDir());
        return homes;
    }

    private Optional<Path> runnerIn(Path home) {
        Path jar = home.resolve(runnerName());
        return Files.isRegularFile(jar) && Files.isDirectory(home.resolve("lib")) ? Optional.of(jar) : Optional.empty();
    }

    private String runnerName() {
        return "apicurio-registry-app-" + version + "-runner.jar";
    }

    Path archiveInMavenRepository() {
        String repository = systemProperties.getProperty("maven.repo.local");
        Path repo = repository != null && !repository.isBlank()
                ? Path.of(repository)
                : Path.of(systemProperties.getProperty("user.home"), ".m2", "repository");
        return repo.resolve(Path.of("io", "apicurio", "apicurio-registry-app", version,
                "apicurio-registry-app-" + version + "-all.tar.gz"));
    }

    Path cacheDir() {
        return Path.of(systemProperties.getProperty("user.home"), ".cache", "race-timing", "apicurio-" + version);
    }

    /** Unpacks next to the cache and renames, so that a concurrent JVM never sees half an unpacking. */
    private Path unpackToCache(Path archive) {
        Path cache = cacheDir();
        long started = System.nanoTime();
        try {
            Files.createDirectories(cache.getParent());
            Path staging = Files.createTempDirectory(cache.getParent(), cache.getFileName() + ".unpacking-");
            try {
                TarGz.unpack(archive, staging);
                Files.move(staging, cache, StandardCopyOption.ATOMIC_MOVE);
                LOG.info("Unpacked {} into {} in {} ms", archive, cache, (System.nanoTime() - started) / 1_000_000);
            } catch (IOException e) {
                if (runnerIn(cache).isEmpty()) {
                    throw e;
                }
                LOG.debug("another process unpacked {} first", cache, e);
            } finally {
                Directories.deleteQuietly(staging);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not unpack " + archive + " into " + cache, e);
        }
        return cache;
    }
}
