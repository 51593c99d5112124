package org.racetiming.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The services of {@code docker-compose.yml} as processes on this machine: each service's environment exactly as
 * the file sets it, with only what a machine without containers must change — the network's addresses
 * ({@code kafka-2:9092}, {@code localhost:19093}, {@code :9093} in a listener) become free ports on 127.0.0.1, the
 * volumes' directories become directories under a scratch root, the registry's URL is the stand-in's, and
 * {@code ${INGEST_TOKEN}} gets a value. A value that still names a host of the compose network afterwards is an
 * error: the file grew something this translation does not know, and the test must learn it.
 */
final class ComposeServices {

    static final Path COMPOSE_FILE = Path.of("..", "docker-compose.yml");
    static final String LOOPBACK = "127.0.0.1";
    private static final Pattern ADDRESS = Pattern.compile("\\b(kafka-\\d+|standings-\\d+|ingest|schema-registry|localhost):(\\d+)\\b");
    private static final Pattern BARE_LISTENER = Pattern.compile("://:(\\d+)");
    private static final Pattern NETWORK_HOST = Pattern.compile("\\b(kafka-\\d+|standings-\\d+|schema-registry)\\b");

    private static final java.util.Set<String> DIRECTORIES = java.util.Set.of("KAFKA_LOG_DIRS", "STATE_DIR");

    private final Map<String, Map<String, Object>> services;
    /** "service:containerPort" and "localhost:publishedPort" to "127.0.0.1:freePort". */
    private final Map<String, String> addresses = new HashMap<>();
    private final Path root;

    @SuppressWarnings("unchecked")
    private ComposeServices(Map<String, Object> compose, Path root) {
        this.services = (Map<String, Map<String, Object>>) compose.get("services");
        this.root = root;
        for (String service : services.keySet()) {
            Map<String, String> env = rawEnvironment(service);
            for (String port : containerPorts(env)) {
                addresses.put(service + ":" + port, LOOPBACK + ":" + freePort());
            }
            for (Object mapping : (List<Object>) services.get(service).getOrDefault("ports", List.of())) {
                String[] published = mapping.toString().split(":");
                String target = addresses.get(service + ":" + published[published.length - 1]);
                if (target != null && published.length >= 2) {
                    addresses.put("localhost:" + published[published.length - 2], target);
                }
            }
        }
    }

    /** Reads the file (SnakeYAML resolves its `<<:` merge keys, as Compose does); directories go under {@code root}. */
    static ComposeServices read(Path root) {
        try {
            Map<String, Object> compose = new Yaml(new LoaderOptions()).load(Files.readString(COMPOSE_FILE));
            return new ComposeServices(compose, root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ports a service listens on inside its container, from the variables that say so. */
    private static List<String> containerPorts(Map<String, String> env) {
        List<String> ports = new java.util.ArrayList<>();
        String listeners = env.get("KAFKA_LISTENERS");
        if (listeners != null) {
            Matcher m = Pattern.compile(":(\\d+)(,|$)").matcher(listeners);
            while (m.find()) {
                ports.add(m.group(1));
            }
        }
        for (String name : List.of("HTTP_PORT", "INGEST_HTTP_PORT")) {
            if (env.containsKey(name)) {
                ports.add(env.get(name));
            }
        }
        return ports;
    }

    @SuppressWarnings("unchecked")
    Map<String, String> rawEnvironment(String service) {
        Map<String, Object> env = (Map<String, Object>) services.get(service).getOrDefault("environment", Map.of());
        Map<String, String> text = new LinkedHashMap<>();
        env.forEach((k, v) -> text.put(k, String.valueOf(v)));
        return text;
    }

    /** The main class the service's {@code command} runs ({@code java -cp ... MAIN}). */
    @SuppressWarnings("unchecked")
    String mainClass(String service) {
        List<Object> command = (List<Object>) services.get(service).get("command");
        return command.get(command.size() - 1).toString();
    }

    /** 127.0.0.1:port standing for {@code service:containerPort}. */
    String address(String service, String containerPort) {
        return addresses.get(service + ":" + containerPort);
    }

    /**
     * The service's environment for a process here.
     *
     * @param registryUrl the stand-in registry's URL, for SCHEMA_REGISTRY_URL
     * @param ingestToken the value of ${INGEST_TOKEN}
     */
    Map<String, String> environment(String service, String registryUrl, String ingestToken) {
        Map<String, String> env = new LinkedHashMap<>();
        rawEnvironment(service).forEach((name, value) -> env.put(name, translate(service, name, value, registryUrl, ingestToken)));
        env.forEach((name, value) -> {
            // (Our directories are named after the services: those are not addresses.)
            if (!DIRECTORIES.contains(name) && NETWORK_HOST.matcher(value).find()) {
                throw new IllegalStateException(service + ": " + name + "=" + value + " still names a host of the compose network;"
                        + " teach ComposeServices this variable");
            }
        });
        return env;
    }

    private String translate(String service, String name, String value, String registryUrl, String ingestToken) {
        switch (name) {
            case "SCHEMA_REGISTRY_URL":
                return registryUrl;
            case "KAFKA_LOG_DIRS":
            case "STATE_DIR":
                return root.resolve(service).resolve(name.toLowerCase()).toString();
            case "HTTP_PORT":
            case "INGEST_HTTP_PORT":
                return port(address(service, value));
            case "INGEST_TOKEN":
                return value.startsWith("${INGEST_TOKEN") ? ingestToken : value;
            default:
                break;
        }
        String bare = BARE_LISTENER.matcher(value).replaceAll(m -> "://" + Matcher.quoteReplacement(address(service, m.group(1))));
        return ADDRESS.matcher(bare).replaceAll(m -> {
            String target = addresses.get(m.group(1) + ":" + m.group(2));
            if (target == null) {
                throw new IllegalStateException(service + ": " + name + " names " + m.group() + ", which no service listens on");
            }
            return Matcher.quoteReplacement(target);
        });
    }

    static String port(String hostAndPort) {
        return hostAndPort.substring(hostAndPort.lastIndexOf(':') + 1);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(LOOPBACK, 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
