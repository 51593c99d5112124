package org.racetiming.embedded.junit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether asking Testcontainers for Docker is worth it. Without any engine it logs an ERROR with a
 * stack of failed strategies in every module's test output; these are the places it would look.
 */
final class DockerHints {
    private DockerHints() {
    }

    static boolean anyPresent() {
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            return true;
        }
        if (isSet(System.getenv("DOCKER_HOST")) || isSet(System.getenv("TESTCONTAINERS_DOCKER_SOCKET_OVERRIDE"))) {
            return true;
        }
        return candidates().stream().anyMatch(Files::exists);
    }

    private static List<Path> candidates() {
        Path home = Path.of(System.getProperty("user.home"));
        List<Path> paths = new ArrayList<>(List.of(
                home.resolve(".testcontainers.properties"),
                Path.of("/var/run/docker.sock"),
                home.resolve(".docker/run/docker.sock"),
                home.resolve(".docker/desktop/docker.sock"),
                home.resolve(".colima/default/docker.sock"),
                home.resolve(".rd/docker.sock")));
        Optional.ofNullable(System.getenv("XDG_RUNTIME_DIR")).filter(DockerHints::isSet).map(Path::of).ifPresent(runtime -> {
            paths.add(runtime.resolve("docker.sock"));
            paths.add(runtime.resolve("podman/podman.sock"));
        });
        return paths;
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
