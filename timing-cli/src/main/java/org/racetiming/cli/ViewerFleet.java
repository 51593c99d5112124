package org.racetiming.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The viewers of {@code timing benchmark-viewers}, in a process of their own so that their CPU and sockets are not
 * the server's: N server-sent-event clients on one session, each time-stamping every board it receives against the
 * moment its event arrived on timing-events ({@code eventInMs}). Connects, prints {@code connected N ms}, measures
 * for the given seconds, prints one {@code result ...} line and exits.
 *
 * <p>One thread and one selector for every connection, reading raw bytes: the measuring side must cost far less than
 * the server it measures. (The JDK's HttpClient, used first, spent more CPU per event than the server and its
 * backlog showed up as seconds of latency.) HTTP/1.0, so the stream is not chunked and a byte scan finds the fields.
 *
 * <p>Arguments: URL VIEWERS SECONDS (loopback only: the URL must be on 127.0.0.1).
 */
final class ViewerFleet {

    private static final int BATCH = 500;
    private static final byte[] EVENT_IN = "\"eventInMs\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEQ = "{\"seq\":".getBytes(StandardCharsets.US_ASCII);

    private final LatencyHistogram latency = new LatencyHistogram(60_000);
    private long bytes;
    private long boards;
    private int failed;
    private int withSnapshot;
    private boolean measuring;

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        if (!"127.0.0.1".equals(uri.getHost())) {
            throw new IllegalArgumentException("viewers connect to 127.0.0.1 only, not " + uri.getHost());
        }
        new ViewerFleet().run(uri, Integer.parseInt(args[1]), Integer.parseInt(args[2]));
        System.exit(0);
    }

    private void run(URI uri, int viewers, int seconds) throws IOException {
        InetSocketAddress server = new InetSocketAddress(uri.getHost(), uri.getPort());
        byte[] request = ("GET " + uri.getRawPath() + " HTTP/1.0\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        ByteBuffer buffer = ByteBuffer.allocateDirect(256 * 1024);
        try (Selector selector = Selector.open()) {
            long start = System.nanoTime();
            long connectDeadline = start + TimeUnit.MINUTES.toNanos(5);
            int opened = 0;
            long measureEnd = Long.MAX_VALUE;
            long measureStart = 0;
            while (true) {
                long now = System.nanoTime();
                if (!measuring && measureStart == 0) {
                    // A ramp, not a stampede: a batch connects once the previous one has its snapshots.
                    if (opened < viewers && withSnapshot + failed >= opened) {
                        for (int i = 0; i < BATCH && opened < viewers; i++, opened++) {
                            open(selector, server, request);
                        }
                    }
                    if ((opened == viewers && withSnapshot + failed >= viewers) || now > connectDeadline) {
                        System.out.printf(Locale.ROOT, "connected %d %d%n", withSnapshot,
                                TimeUnit.NANOSECONDS.toMillis(now - start));
                        System.out.flush();
                        measuring = true;
                        measureStart = now;
                        measureEnd = now + TimeUnit.SECONDS.toNanos(seconds);
                    }
                } else if (measuring && now >= measureEnd) {
                    measuring = false;
                    double elapsed = (now - measureStart) / 1e9;
                    System.out.printf(Locale.ROOT,
                            "result viewers=%d failed=%d boards=%d p50=%d p99=%d max=%d bytesPerSecond=%.0f%n",
                            viewers, failed, boards, latency.percentile(0.50), latency.percentile(0.99), latency.max(),
                            bytes / elapsed);
                    System.out.flush();
                    return;
                }
                selector.select(50);
                long wallNow = System.currentTimeMillis();
                for (SelectionKey key : selector.selectedKeys()) {
                    Viewer viewer = (Viewer) key.attachment();
                    try {
                        if (key.isConnectable()) {
                            viewer.connected(key);
                        } else if (key.isReadable()) {
                            buffer.clear();
                            int read = viewer.channel.read(buffer);
                            if (read < 0) {
                                viewer.ended(key);
                            } else {
                                buffer.flip();
                                viewer.consume(buffer, wallNow);
                            }
                        }
                    } catch (IOException e) {
                        viewer.ended(key);
                    }
                }
                selector.selectedKeys().clear();
            }
        }
    }

    /** Both patterns start with a character no proper prefix repeats, so a mismatch restarts at 0 or 1. */
    private static int advance(byte[] pattern, int matched, byte b) {
        if (pattern[matched] == b) {
            return matched + 1;
        }
        return pattern[0] == b ? 1 : 0;
    }

    private void open(Selector selector, InetSocketAddress server, byte[] request) throws IOException {
        SocketChannel channel = SocketChannel.open();
        channel.configureBlocking(false);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        Viewer viewer = new Viewer(channel, request);
        if (channel.connect(server)) {
            channel.register(selector, SelectionKey.OP_READ, viewer);
            viewer.sendRequest();
        } else {
            channel.register(selector, SelectionKey.OP_CONNECT, viewer);
        }
    }

    /**
     * One viewer: finds {@code {"seq":} (a board: snapshot or delta) and the {@code "eventInMs":} digits after it in
     * the byte stream, whatever the read boundaries.
     */
    private final class Viewer {
        final SocketChannel channel;
        private final byte[] request;
        private int seqMatched;
        private int eventInMatched;
        private boolean inBoard;
        /** While reading eventInMs: its value so far, and how many digits it has (-1: not reading it). */
        private long digits;
        private int digitCount = -1;
        private boolean snapshot;
        private boolean ended;

        Viewer(SocketChannel channel, byte[] request) {
            this.channel = channel;
            this.request = request;
        }

        void connected(SelectionKey key) throws IOException {
            channel.finishConnect();
            key.interestOps(SelectionKey.OP_READ);
            sendRequest();
        }

        void sendRequest() throws IOException {
            ByteBuffer out = ByteBuffer.wrap(request);
            while (out.hasRemaining()) {
                channel.write(out); // a few dozen bytes into an empty socket buffer
            }
        }

        void consume(ByteBuffer in, long now) {
            if (measuring) {
                bytes += in.remaining();
            }
            while (in.hasRemaining()) {
                byte b = in.get();
                if (digitCount >= 0) {
                    if (b >= '0' && b <= '9') {
                        digits = digits * 10 + (b - '0');
                        digitCount++;
                        continue;
                    }
                    if (measuring && digitCount > 0) { // "null": a board of unknown arrival, not counted
                        latency.record(now - digits);
                        boards++;
                    }
                    digitCount = -1;
                }
                seqMatched = advance(SEQ, seqMatched, b);
                if (seqMatched == SEQ.length) {
                    seqMatched = 0;
                    inBoard = true;
                    if (!snapshot) {
                        snapshot = true; // a screen's first board is its snapshot
                        withSnapshot++;
                    }
                }
                if (inBoard) {
                    eventInMatched = advance(EVENT_IN, eventInMatched, b);
                    if (eventInMatched == EVENT_IN.length) {
                        eventInMatched = 0;
                        inBoard = false;
                        digits = 0;
                        digitCount = 0;
                    }
                }
            }
        }

        void ended(SelectionKey key) {
            key.cancel();
            try {
                channel.close();
            } catch (IOException e) {
                // closing a dead connection
            }
            if (!ended) {
                ended = true;
                failed++;
                if (!snapshot) {
                    snapshot = true;
                }
            }
        }
    }
}
