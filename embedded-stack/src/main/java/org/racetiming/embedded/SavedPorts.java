package org.racetiming.embedded;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The ports of a stack kept in a data directory: picked free on its first start and reused on every later one, so
 * that clients keep their {@code KAFKA_BOOTSTRAP_SERVERS} / {@code SCHEMA_REGISTRY_URL} and the KRaft controller
 * keeps the address stored in its quorum.
 */
record SavedPorts(int broker, int controller, int registry) {
    static final String FILE = "ports.properties";

    static SavedPorts in(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        if (Files.isRegularFile(file)) {
            return read(file);
        }
        SavedPorts picked = new SavedPorts(LocalPorts.pickFree(), LocalPorts.pickFree(), LocalPorts.pickFree());
        picked.write(file);
        return picked;
    }

    private static SavedPorts read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
            return new SavedPorts(port(properties, "broker", file), port(properties, "controller", file), port(properties, "registry", file));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
    }

    private static int port(Properties properties, String name, Path file) {
        String value = properties.getProperty(name, "").strip();
        try {
            int port = Integer.parseInt(value);
            if (port >= 1 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalStateException(file + ": '" + name + "' is not a port: '" + value + "' (delete the file to pick new ports)");
    }

    private void write(Path file) {
        Properties properties = new Properties();
        properties.setProperty("broker", String.valueOf(broker));
        properties.setProperty("controller", String.valueOf(controller));
        properties.setProperty("registry", String.valueOf(registry));
        try {
            Files.createDirectories(file.getParent());
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                properties.store(writer, "ports of the timing stack kept in this directory");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }
}
