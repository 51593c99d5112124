package org.racetiming.embedded.watch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Writes the {@link ParentWatch} agent as a jar (the JVM takes agents only as jars), from the class file on our
 * own class path, so that no separate artifact has to be built or found. The jar is written once per content to
 * a stable path: a class-data archive of the child records the agent jar's path, size and time, and is ignored
 * when they differ.
 */
public final class ParentWatchJar {
    private static final String CLASS_FILE = ParentWatch.class.getName().replace('.', '/') + ".class";

    private ParentWatchJar() {
    }

    /** JVM options that make a child started by this process exit when this process is gone. */
    public static List<String> jvmOptions(Path dir) {
        return List.of("-javaagent:" + write(dir) + "=" + ProcessHandle.current().pid());
    }

    /** The agent jar in {@code dir}, named by its content; written unless it is there already. */
    public static Path write(Path dir) {
        byte[] content = jarBytes();
        Path jar = dir.resolve("parent-watch-" + sha256(content).substring(0, 12) + ".jar");
        if (Files.isRegularFile(jar)) {
            return jar;
        }
        try {
            Files.createDirectories(dir);
            Path staging = Files.createTempFile(dir, "parent-watch-", ".tmp");
            try {
                Files.write(staging, content);
                Files.move(staging, jar, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException e) {
                // another process wrote the same content first
            } finally {
                Files.deleteIfExists(staging);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the parent-watch agent into " + dir, e);
        }
        return jar;
    }

    private static byte[] jarBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(new Attributes.Name("Premain-Class"), ParentWatch.class.getName());
        // Entries written with a fixed time: the same class makes the same bytes, hence the same name.
        try (JarOutputStream out = new JarOutputStream(bytes);
             InputStream classBytes = ParentWatch.class.getClassLoader().getResourceAsStream(CLASS_FILE)) {
            if (classBytes == null) {
                throw new IllegalStateException(CLASS_FILE + " is not on the class path");
            }
            JarEntry manifestEntry = new JarEntry(JarFile.MANIFEST_NAME);
            manifestEntry.setTime(0);
            out.putNextEntry(manifestEntry);
            manifest.write(out);
            out.closeEntry();
            JarEntry entry = new JarEntry(CLASS_FILE);
            entry.setTime(0);
            out.putNextEntry(entry);
            classBytes.transferTo(out);
            out.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException("could not build the parent-watch agent", e);
        }
        return bytes.toByteArray();
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
