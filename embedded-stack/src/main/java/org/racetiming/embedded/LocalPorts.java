package org.racetiming.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Free TCP ports on the loopback interface. */
final class LocalPorts {
    static final String HOST = "127.0.0.1";

    private LocalPorts() {
    }

    /**
     * A port that was free a moment ago. Another process may take it before the caller binds it,
     * which is why the callers retry a failed start with fresh ports.
     */
    static int pickFree() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + HOST, e);
        }
    }
}
