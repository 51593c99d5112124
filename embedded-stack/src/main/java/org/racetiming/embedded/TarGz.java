package org.racetiming.embedded;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

/**
 * Just enough of a tar reader to unpack a release archive: regular files and directories, with
 * long names in ustar prefixes, GNU long-name entries or PAX headers. Links and devices are skipped.
 * It avoids a compression library and an external {@code tar} command for one fallback path.
 */
final class TarGz {
    private static final int BLOCK = 512;

    private TarGz() {
    }

    static void unpack(Path archive, Path target) throws IOException {
        Files.createDirectories(target);
        Path root = target.toAbsolutePath().normalize();
        try (InputStream in = new BufferedInputStream(new GZIPInputStream(Files.newInputStream(archive), 64 * 1024))) {
            String pendingName = null;
            byte[] header = new byte[BLOCK];
            while (readBlock(in, header) && !isZero(header)) {
                char type = (char) header[156];
                long size = parseOctal(header, 124, 12);
                String name = pendingName != null ? pendingName : headerName(header);
                pendingName = null;
                switch (type) {
                    case 'L' -> pendingName = trimNul(new String(readData(in, size), StandardCharsets.UTF_8));
                    case 'x' -> pendingName = paxPath(readData(in, size));
                    case '5' -> Files.createDirectories(inside(root, name));
                    case '0', '\0' -> {
                        Path file = inside(root, name);
                        Files.createDirectories(file.getParent());
                        Files.copy(new BoundedStream(in, size), file, StandardCopyOption.REPLACE_EXISTING);
                        skipPadding(in, size);
                        // Kept as in the archive: the registry's class-data archive is keyed by it.
                        Files.setLastModifiedTime(file, FileTime.from(parseOctal(header, 136, 12), TimeUnit.SECONDS));
                    }
                    default -> skipData(in, size);
                }
            }
        }
    }

    private static Path inside(Path root, String name) throws IOException {
        Path path = root.resolve(name).normalize();
        if (!path.startsWith(root)) {
            throw new IOException("archive entry escapes the target directory: " + name);
        }
        return path;
    }

    private static String headerName(byte[] header) {
        String name = field(header, 0, 100);
        boolean ustar = field(header, 257, 6).startsWith("ustar");
        String prefix = ustar ? field(header, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    /** PAX records are "LEN key=value\n"; only the path matters here. */
    private static String paxPath(byte[] data) {
        String records = new String(data, StandardCharsets.UTF_8);
        for (String record : records.split("\n")) {
            int space = record.indexOf(' ');
            if (space > 0 && record.startsWith("path=", space + 1)) {
                return record.substring(space + 1 + "path=".length());
            }
        }
        return null;
    }

    private static long parseOctal(byte[] header, int offset, int length) {
        String digits = field(header, offset, length).trim();
        return digits.isEmpty() ? 0 : Long.parseLong(digits, 8);
    }

    private static String field(byte[] header, int offset, int length) {
        return trimNul(new String(header, offset, length, StandardCharsets.UTF_8));
    }

    private static String trimNul(String value) {
        int nul = value.indexOf('\0');
        return nul < 0 ? value : value.substring(0, nul);
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean readBlock(InputStream in, byte[] block) throws IOException {
        int read = in.readNBytes(block, 0, BLOCK);
        if (read == 0) {
            return false;
        }
        if (read < BLOCK) {
            throw new EOFException("truncated tar header");
        }
        return true;
    }

    private static byte[] readData(InputStream in, long size) throws IOException {
        byte[] data = in.readNBytes(Math.toIntExact(size));
        if (data.length < size) {
            throw new EOFException("truncated tar entry");
        }
        skipPadding(in, size);
        return data;
    }

    private static void skipData(InputStream in, long size) throws IOException {
        in.skipNBytes(size);
        skipPadding(in, size);
    }

    private static void skipPadding(InputStream in, long size) throws IOException {
        long remainder = size % BLOCK;
        if (remainder != 0) {
            in.skipNBytes(BLOCK - remainder);
        }
    }

    /** The bytes of one entry; closing it leaves the archive stream open. */
    private static final class BoundedStream extends InputStream {
        private final InputStream in;
        private long remaining;

        BoundedStream(InputStream in, long size) {
            this.in = in;
            this.remaining = size;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = in.read();
            if (b < 0) {
                throw new EOFException("truncated tar entry");
            }
            remaining--;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int read = in.read(buffer, offset, (int) Math.min(length, remaining));
            if (read < 0) {
                throw new EOFException("truncated tar entry");
            }
            remaining -= read;
            return read;
        }
    }
}
