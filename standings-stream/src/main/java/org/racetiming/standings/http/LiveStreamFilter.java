package org.racetiming.standings.http;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /sessions/{id}/live} ({@link LiveEndpoint}), served in front of Javalin in the servlet API's
 * non-blocking mode. Javalin's own server-sent events write and flush blocking: a few stalled phones held the
 * sender threads and every other screen waited behind them. Here no thread waits on a socket ({@link SseScreen}).
 */
final class LiveStreamFilter implements Filter {

    private static final Pattern LIVE = Pattern.compile("^/sessions/([^/]+)/live/?$");

    private final LiveEndpoint endpoint;
    private final Executor sender;
    private final LongConsumer delivered;
    private final String servedBy;

    LiveStreamFilter(LiveEndpoint endpoint, Executor sender, LongConsumer delivered, String servedBy) {
        this.endpoint = endpoint;
        this.sender = sender;
        this.delivered = delivered;
        this.servedBy = servedBy;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        Matcher live = LIVE.matcher(request.getRequestURI());
        if (!"GET".equals(request.getMethod()) || !live.matches()) {
            chain.doFilter(req, res);
            return;
        }
        String sessionId = URLDecoder.decode(live.group(1).replace("+", "%2B"), StandardCharsets.UTF_8);
        HttpServletResponse response = (HttpServletResponse) res;
        response.setStatus(200);
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Accel-Buffering", "no"); // a proxy in front must not hold events back
        response.setHeader(RequestForwarder.SERVED_BY, servedBy);

        AsyncContext async = request.startAsync();
        async.setTimeout(0); // a live stream lasts as long as the screen watches
        SseScreen screen = new SseScreen(sender, delivered);
        ServletOutputStream out = response.getOutputStream();
        async.addListener(new Ended(screen));
        // The listener first: the servlet API allows no non-blocking call before it (its first callback, which
        // may come before attach, finds no sink and does nothing).
        out.setWriteListener(new WriteListener() {
            @Override
            public void onWritePossible() {
                screen.writable();
            }

            @Override
            public void onError(Throwable failure) {
                screen.close();
            }
        });
        screen.attach(new ResponseSink(out, async));
        endpoint.connect(sessionId, screen);
    }

    /** The response, written only when {@link ServletOutputStream#isReady()} said it would not block. */
    private record ResponseSink(ServletOutputStream out, AsyncContext async) implements SseScreen.Sink {
        @Override
        public boolean ready() {
            return out.isReady();
        }

        @Override
        public void write(byte[] bytes) throws IOException {
            out.write(bytes);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() {
            try {
                async.complete();
            } catch (IllegalStateException e) {
                // already completed: the container ended the request first
            }
        }
    }

    /** The container ends the request (client gone, server stopping): the screen unsubscribes. */
    private record Ended(SseScreen screen) implements AsyncListener {
        @Override
        public void onComplete(AsyncEvent event) {
            screen.close();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            screen.close();
        }

        @Override
        public void onError(AsyncEvent event) {
            screen.close();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // not restarted
        }
    }
}
