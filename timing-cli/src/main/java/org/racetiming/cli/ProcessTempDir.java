package org.racetiming.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.racetiming.embedded.Directories;

/**
 * The {@code timing} process's own temporary directory, {@code $TMPDIR/timing-run-PID-…}: the {@code timing} script
 * creates it and starts the JVM with it as {@code java.io.tmpdir} (the JDK reads that property once, at start-up,
 * so it cannot be changed from {@code main}). The embedded broker's log, the registry's scratch space, Kafka
 * Streams' state and the native libraries that RocksDB, LZ4, Zstd and Snappy unpack all land in it, and it is
 * deleted as a whole on exit. A process killed with {@code kill -9} deletes nothing, so each start also removes
 * the directories of {@code timing} processes that no longer run.
 */
final class ProcessTempDir {
    static final String PREFIX = "timing-run-";
    private static final Pattern NAME = Pattern.compile(Pattern.quote(PREFIX) + "(\\d+)-.*");

    private ProcessTempDir() {
    }

    /**
     * This process's temporary directory if the script made one for it (else the JVM runs with a shared one,
     * e.g. started by {@code java -jar} or in tests, and nothing is deleted wholesale); sweeps orphans either way.
     */
    static Optional<Path> adopt() {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
        boolean ours = tmp.getFileName() != null && tmp.getFileName().toString().startsWith(PREFIX + ProcessHandle.current().pid() + "-");
        Path shared = ours ? tmp.getParent() : tmp;
        if (shared != null) {
            removeOrphans(shared);
        }
        return ours ? Optional.of(tmp) : Optional.empty();
    }

    /** Deletes the directories of earlier {@code timing} processes that are gone. */
    static void removeOrphans(Path base) {
        try (Stream<Path> entries = Files.list(base)) {
            entries.filter(ProcessTempDir::orphaned).forEach(Directories::deleteQuietly);
        } catch (IOException e) {
            // an unreadable temp dir only means nothing is swept this time
        }
    }

    static boolean orphaned(Path dir) {
        Matcher name = NAME.matcher(dir.getFileName().toString());
        if (!name.matches() || !Files.isDirectory(dir)) {
            return false;
        }
        Optional<ProcessHandle> owner = ProcessHandle.of(Long.parseLong(name.group(1)));
        return owner.isEmpty() || !owner.get().isAlive();
    }
}
