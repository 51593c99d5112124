package org.racetiming.ingest.feed;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The public timing data in {@code shared/data}, read where it lies (it is never copied into the
 * repository). Tests that need it skip, visibly, when it is absent.
 */
public final class RealData {

    private RealData() {
    }

    public static Path dir() {
        String configured = System.getProperty("timing.data.dir");
        // Surefire sets the property; from an IDE the module directory is the working directory.
        Path dir = configured != null ? Path.of(configured) : Path.of("..", "..", "shared", "data");
        return dir.toAbsolutePath().normalize();
    }

    /** A file of one race, e.g. {@code file("wec-2023-le-mans-24h", "analysis.csv")}; skips the test when absent. */
    public static Path file(String race, String name) {
        Path file = dir().resolve(race).resolve(name);
        assumeTrue(Files.isRegularFile(file), "real timing data not found at " + file + " (set -Dtiming.data.dir)");
        return file;
    }
}
