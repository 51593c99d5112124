package org.racetiming.embedded;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Whether something still listens at an endpoint, to check that a server was stopped. */
public final class Probes {
    private Probes() {
    }

    /** True when a TCP connection to {@code host:port} (or the host and port of a URL) succeeds. */
    public static boolean accepts(String endpoint) {
        String hostAndPort = endpoint.replaceFirst("^[a-z]+://", "").replaceFirst("/.*$", "");
        int colon = hostAndPort.lastIndexOf(':');
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(hostAndPort.substring(0, colon), Integer.parseInt(hostAndPort.substring(colon + 1))), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
