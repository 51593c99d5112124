package org.racetiming.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A class-data-sharing archive of the registry's JVM, which cuts its start by about 1.5 s of ~3.5 s.
 * The first start records the archive (that start and its stop are a few seconds slower); later
 * starts map it. It is keyed by Java runtime and distribution, so a different JDK records its own;
 * a stale or damaged archive only makes the JVM start without it (keys include the runner jar's
 * modification time, since the JVM ignores an archive whose jars changed). Each rebuild or JDK thus makes a new
 * archive of ~40 MB: the cache keeps the {@value #KEPT} most recently used and deletes the rest. Off with
 * {@code -D}{@value #ENABLED_PROPERTY}{@code =false}.
 */
final class RegistryClassArchive {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryClassArchive.class);
    static final String ENABLED_PROPERTY = "racetiming.apicurio.cds";
    private static final String RECORDING = "classes.jsa";
    /** Archives kept in the cache: e.g. two worktrees, or a JDK upgrade, without recording on every start. */
    static final int KEPT = 3;
    private static final String PREFIX = "apicurio-";
    private static final String SUFFIX = ".jsa";

    private final boolean enabled;
    private final Path archive;

    private RegistryClassArchive(boolean enabled, Path archive) {
        this.enabled = enabled;
        this.archive = archive;
    }

    static RegistryClassArchive forRunner(Path runnerJar, Properties systemProperties) {
        boolean enabled = !"false".equalsIgnoreCase(systemProperties.getProperty(ENABLED_PROPERTY, "true").strip());
        String key = sha256(String.join("|",
                systemProperties.getProperty("java.home", ""),
                systemProperties.getProperty("java.vm.version", ""),
                runnerJar.toAbsolutePath().normalize().toString(),
                String.valueOf(runnerJar.toFile().lastModified())));
        Path archive = Path.of(systemProperties.getProperty("user.home"), ".cache", "race-timing", "cds",
                PREFIX + key.substring(0, 16) + SUFFIX);
        return new RegistryClassArchive(enabled, archive);
    }

    /** True when the registry started now records an archive (and so takes seconds longer to stop). */
    boolean recording() {
        return enabled && !Files.isRegularFile(archive);
    }

    /** Where helper jars that an archive refers to live: their paths must not change between starts. */
    Path cacheDir() {
        return archive.getParent();
    }

    /** JVM options for a registry whose scratch directory is {@code workDir}. */
    List<String> jvmOptions(Path workDir) {
        if (!enabled) {
            return List.of();
        }
        if (Files.isRegularFile(archive)) {
            markUsed();
            return List.of("-XX:SharedArchiveFile=" + archive);
        }
        // The registry runs with the parent-watch agent, which the JVM allows while recording only on request.
        return List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:+AllowArchivingWithJavaAgent",
                "-XX:ArchiveClassesAtExit=" + workDir.resolve(RECORDING));
    }

    /**
     * After the registry exited on its own: moves a recording into the cache. The rename is atomic,
     * so concurrent JVMs never map half a file; the last one to finish wins.
     */
    void keepRecording(Path workDir) {
        Path recording = workDir.resolve(RECORDING);
        if (!enabled || !Files.isRegularFile(recording)) {
            return;
        }
        try {
            if (Files.size(recording) == 0) {
                return;
            }
            Files.createDirectories(archive.getParent());
            Path staging = Files.createTempFile(archive.getParent(), archive.getFileName().toString(), ".tmp");
            try {
                Files.move(recording, staging, StandardCopyOption.REPLACE_EXISTING);
                Files.move(staging, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                LOG.info("Recorded a class-data archive for the schema registry: {}", archive);
            } finally {
                Files.deleteIfExists(staging);
            }
            prune(archive.getParent(), KEPT);
        } catch (IOException e) {
            LOG.debug("could not keep the registry's class-data archive", e);
        }
    }

    /** The modification time orders archives by last use, for {@link #prune}. */
    private void markUsed() {
        try {
            Files.setLastModifiedTime(archive, FileTime.from(Instant.now()));
        } catch (IOException e) {
            LOG.debug("could not mark {} as used", archive, e);
        }
    }

    /** Deletes all but the {@code kept} most recently used archives, and staging files of recordings that died. */
    static void prune(Path cache, int kept) {
        List<Path> archives = new ArrayList<>();
        try (Stream<Path> files = Files.list(cache)) {
            files.forEach(file -> {
                String name = file.getFileName().toString();
                if (name.startsWith(PREFIX) && name.endsWith(SUFFIX)) {
                    archives.add(file);
                } else if (name.startsWith(PREFIX) && name.endsWith(".tmp") && olderThan(file, Duration.ofHours(1))) {
                    deleteQuietly(file);
                }
            });
        } catch (IOException e) {
            LOG.debug("could not list {}", cache, e);
            return;
        }
        archives.sort(Comparator.comparing(RegistryClassArchive::lastModified).reversed());
        archives.stream().skip(kept).forEach(RegistryClassArchive::deleteQuietly);
    }

    private static boolean olderThan(Path file, Duration age) {
        return lastModified(file).toInstant().isBefore(Instant.now().minus(age));
    }

    private static FileTime lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debug("could not delete {}", file, e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
