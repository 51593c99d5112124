package org.racetiming.standings.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.eclipse.jetty.servlet.FilterHolder;
import org.racetiming.standings.query.StandingsQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The standings service's HTTP server: the query API, live streams, the live timing page at {@code /}, and
 * {@code /metrics}. Errors are JSON: {@code {"status":404,"error":"Not Found","message":"..."}}.
 */
public final class StandingsHttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StandingsHttpServer.class);
    /** Request attribute: the response body is set, an error page must not replace it. */
    static final String ANSWERED = "standings.answered";
    /** Threads writing to live screens: writes never block ({@link SseScreen}), so one per core serves them all. */
    private static final int SENDERS = Math.max(2, Runtime.getRuntime().availableProcessors());

    private final Javalin app;
    private final SenderPool sender;

    StandingsHttpServer(StandingsQueries queries, SessionOwners owners, RequestForwarder forwarder,
                        LiveUpdates updates, StandingsJson json, StandingsMetrics metrics, Health health,
                        String host, int port) {
        StandingsApi api = new StandingsApi(queries, owners, forwarder, json, metrics);
        this.sender = new SenderPool(SENDERS);
        LiveStreamFilter live = new LiveStreamFilter(new LiveEndpoint(updates, api, json), sender,
                metrics::liveDelivered, forwarder.self());
        metrics.screens(updates::subscribers);

        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.jetty.modifyServletContextHandler(context -> {
                FilterHolder holder = new FilterHolder(live);
                holder.setAsyncSupported(true);
                context.addFilter(holder, "/sessions/*", EnumSet.of(DispatcherType.REQUEST));
            });
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/public";
                files.location = Location.CLASSPATH;
            });
            config.requestLogger.http((ctx, ms) -> {
                String route = route(ctx);
                if (!route.endsWith("/live")) {
                    metrics.request(route, ctx.method().name(), ctx.statusCode(), ms.longValue());
                }
            });
        });
        app.before(ctx -> ctx.header(RequestForwarder.SERVED_BY, forwarder.self()));
        health.register(app, updates);
        api.register(app);
        // GET /sessions/{id}/live is served by LiveStreamFilter before a request reaches Javalin.
        WebJarAssets.register(app);
        app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));

        app.exception(ApiError.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
        app.exception(InvalidStateStoreException.class, (e, ctx) -> {
            ctx.header(Header.RETRY_AFTER, Health.RETRY_AFTER_SECONDS);
            error(ctx, 503, "the standings store cannot be read right now (starting, or moving in a rebalance); retry shortly");
        });
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            error(ctx, 500, "internal error: " + e);
        });
        app.error(404, ctx -> {
            if (ctx.attribute(ANSWERED) == null) {
                error(ctx, 404, "no such endpoint: " + ctx.method() + " " + ctx.path());
            }
        });
        if (host == null) {
            app.start(port);
        } else {
            app.start(host, port);
        }
    }

    private static String route(Context ctx) {
        try {
            return ctx.endpointHandlerPath();
        } catch (RuntimeException e) {
            return ctx.statusCode() == 404 ? "unmatched" : "static";
        }
    }

    static void error(Context ctx, int status, String message) {
        ctx.attribute(ANSWERED, true);
        ctx.status(status).contentType("application/json").result(new StandingsJson().object()
                .put("status", status)
                .put("error", HttpStatus.forStatus(status).getMessage())
                .put("message", message)
                .toString());
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
        sender.close();
    }
}
