package org.racetiming.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;

/** A port a command will listen on, checked before anything starts: finding it busy after a 10-second start helps nobody. */
final class LocalPort {
    static final int MAX = 65_535;

    private LocalPort() {
    }

    /**
     * Fails with a one-line hint naming {@code option} unless {@code port} is in range and free on {@code host}
     * (null: every interface). Port 0 (any free port) always passes.
     */
    static void requireFree(String host, int port, String option) {
        if (port < 0 || port > MAX) {
            throw new IllegalArgumentException("port " + port + " is out of range (0-" + MAX + "; 0 = any free port): choose another with " + option);
        }
        if (port == 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket()) {
            // No SO_REUSEADDR: a port another process listens on must fail here as it would for the server.
            socket.setReuseAddress(false);
            socket.bind(host == null ? new InetSocketAddress(port) : new InetSocketAddress(address(host), port));
        } catch (IOException e) {
            throw new IllegalArgumentException("port " + port + (host == null ? "" : " on " + host) + " is in use ("
                    + e.getMessage() + "): choose another with " + option);
        }
    }

    private static InetAddress address(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown address '" + host + "': give an IP address or a host name of this machine");
        }
    }
}
