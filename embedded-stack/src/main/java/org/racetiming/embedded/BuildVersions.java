package org.racetiming.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Versions the build pins in the parent pom, filtered into a resource so that code and build agree. */
final class BuildVersions {
    private static final Properties VERSIONS = load();

    private BuildVersions() {
    }

    static String apicurio() {
        return get("apicurio.version");
    }

    private static String get(String key) {
        String value = VERSIONS.getProperty(key);
        if (value == null || value.isBlank() || value.startsWith("${")) {
            throw new IllegalStateException("embedded-stack.properties has no " + key + " (was the resource filtered?)");
        }
        return value;
    }

    private static Properties load() {
        Properties props = new Properties();
        try (InputStream in = BuildVersions.class.getResourceAsStream("embedded-stack.properties")) {
            if (in == null) {
                throw new IllegalStateException("embedded-stack.properties is missing from the classpath");
            }
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return props;
    }
}
