package org.racetiming.standings.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Header;
import org.racetiming.standings.StandingsService;

/**
 * Liveness and readiness, which an orchestrator treats differently: restart an instance that is not live; send no
 * queries to one that is not ready. An instance restoring its state is live but not ready, for as long as that
 * takes; meanwhile its queries answer 503 with {@code Retry-After} (live screens are fed from the output topics
 * and work regardless).
 * <ul>
 *   <li>{@code GET /health/live}: 200 while the topology starts, runs or rebalances; 503 once it has failed.</li>
 *   <li>{@code GET /health/ready}: 200 once the topology has restored its state and run (a later rebalance does
 *       not change that) unless it failed since; 503 with {@code Retry-After} otherwise.</li>
 *   <li>{@code GET /health}: both, {@code {"status":"UP|STARTING|DOWN","live":…,"ready":…,"topology":"RUNNING"}},
 *       with the readiness status code.</li>
 * </ul>
 */
final class Health {
    /** Seconds a client should wait before asking again while the state is restored or moves. */
    static final String RETRY_AFTER_SECONDS = "2";

    /** What the answers are made of: a {@link StandingsService}, or a stand-in in tests. */
    interface Topology {
        boolean alive();

        boolean ready();

        String state();
    }

    private final Topology topology;

    Health(Topology topology) {
        this.topology = topology;
    }

    static Health of(StandingsService service) {
        return new Health(new Topology() {
            @Override
            public boolean alive() {
                return service.alive();
            }

            @Override
            public boolean ready() {
                return service.ready();
            }

            @Override
            public String state() {
                return service.streams().state().name();
            }
        });
    }

    /** @param updates the live screens, whose feed's state {@code /health} reports too */
    void register(Javalin app, LiveUpdates updates) {
        app.get("/health/live", ctx -> answer(ctx, topology.alive(), null));
        app.get("/health/ready", ctx -> answer(ctx, topology.ready(), null));
        app.get("/health", ctx -> answer(ctx, topology.ready(), updates));
        app.before("/sessions/*", this::refuseWhileStarting);
        app.before("/sessions", this::refuseWhileStarting);
    }

    /** Queries before the state is restored would fail one by one in the stores: one clear answer instead. */
    private void refuseWhileStarting(Context ctx) {
        if (!topology.ready() && !ctx.path().endsWith("/live")) {
            ctx.header(Header.RETRY_AFTER, RETRY_AFTER_SECONDS);
            throw ApiError.unavailable("the standings are being restored (topology " + topology.state()
                    + "); retry in " + RETRY_AFTER_SECONDS + " s");
        }
    }

    private void answer(Context ctx, boolean ok, LiveUpdates updates) {
        boolean live = topology.alive();
        boolean ready = topology.ready();
        String status = ready ? "UP" : live ? "STARTING" : "DOWN";
        if (!ok) {
            ctx.header(Header.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        ObjectNode body = new StandingsJson().object()
                .put("status", status)
                .put("live", live)
                .put("ready", ready)
                .put("topology", topology.state());
        StandingsFeed.Status feed = updates == null ? null : updates.feedStatus();
        if (feed != null) {
            // Live screens are fed from the output topics: whether they get changes is the feed's state.
            body.putObject("liveFeed")
                    .put("state", feed.state().name())
                    .put("since", feed.since().toString())
                    .put("restarts", feed.restarts())
                    .put("lastError", feed.lastError())
                    .put("screens", updates.subscribers());
        }
        ctx.status(ok ? 200 : 503).contentType("application/json").result(body.toString());
        ctx.attribute(StandingsHttpServer.ANSWERED, true);
    }
}
