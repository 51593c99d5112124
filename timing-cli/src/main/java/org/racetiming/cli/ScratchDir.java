package org.racetiming.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.racetiming.embedded.Directories;

/** A temporary directory for the length of a try block (e.g. Kafka Streams' state), deleted when it ends. */
final class ScratchDir implements AutoCloseable {
    private final Path path;

    private ScratchDir(Path path) {
        this.path = path;
    }

    static ScratchDir create(String prefix) {
        try {
            return new ScratchDir(Files.createTempDirectory(prefix));
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a temporary directory", e);
        }
    }

    Path path() {
        return path;
    }

    @Override
    public void close() {
        Directories.deleteQuietly(path);
    }
}
