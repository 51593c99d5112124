package org.racetiming.standings.http;

import io.javalin.http.sse.SseClient;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /sessions/{id}/live}: server-sent events for live screens. On connect the screen gets the session's
 * current board and track status (from its owner), then every change as the live feed sees it: events
 * {@code standings} and {@code track-status}, JSON as the query endpoints give, and {@code notable} for each notable
 * event as the topology finds it (a ticker; the ones before the connection are at {@code /notable-events}). A session that has not started
 * yet is announced with {@code waiting}; its first board follows when it starts.
 */
final class LiveEndpoint {

    static final String WAITING_EVENT = "waiting";

    private static final Logger LOG = LoggerFactory.getLogger(LiveEndpoint.class);

    private final LiveUpdates updates;
    private final StandingsApi api;
    private final StandingsJson json;
    private final Executor sender;

    LiveEndpoint(LiveUpdates updates, StandingsApi api, StandingsJson json, Executor sender) {
        this.updates = updates;
        this.api = api;
        this.json = json;
        this.sender = sender;
    }

    void connect(SseClient client) {
        String sessionId = client.ctx().pathParam("id");
        client.keepAlive();
        SseScreen screen = new SseScreen(client, sender);
        // Subscribe before taking the snapshot: a change in between is then not missed, and it wins over the snapshot.
        client.onClose(updates.subscribe(sessionId, screen));
        try {
            Optional<String> standings = api.current(sessionId, StandingsFeed.STANDINGS_EVENT);
            if (standings.isEmpty()) {
                screen.offer(WAITING_EVENT, json.write(json.object().put("sessionId", sessionId)
                        .put("message", "no events of this session yet; its standings follow when it starts")));
                return;
            }
            screen.offerFirst(StandingsFeed.STANDINGS_EVENT, standings.get());
            api.current(sessionId, StandingsFeed.TRACK_EVENT)
                    .ifPresent(track -> screen.offerFirst(StandingsFeed.TRACK_EVENT, track));
        } catch (RuntimeException e) {
            // The stream stays open: the next change reaches this screen anyway.
            LOG.warn("no snapshot of session {} for a live screen: {}", sessionId, e.toString());
        }
    }
}
