package org.racetiming.standings.http;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.net.URLEncoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.racetiming.output.CarGaps;
import org.racetiming.output.CarStanding;
import org.racetiming.output.Standings;
import org.racetiming.standings.query.StandingsQueries;
import org.racetiming.standings.rules.PairGap;
import org.racetiming.standings.rules.RaceSession;
import org.racetiming.time.RaceTime;

/**
 * The query endpoints. Each question about a session is answered by the instance that owns it: here, or
 * forwarded there and relayed. Answers come from the same rules as the topology's output (a replica of the
 * session, or a replay up to {@code at} for time travel).
 */
final class StandingsApi {

    private final StandingsQueries queries;
    private final SessionOwners owners;
    private final RequestForwarder forwarder;
    private final StandingsJson json;
    private final StandingsMetrics metrics;

    StandingsApi(StandingsQueries queries, SessionOwners owners, RequestForwarder forwarder, StandingsJson json,
                 StandingsMetrics metrics) {
        this.queries = queries;
        this.owners = owners;
        this.forwarder = forwarder;
        this.json = json;
        this.metrics = metrics;
    }

    void register(Javalin app) {
        app.get("/sessions", this::sessions);
        app.get("/instances", this::instances);
        app.get("/sessions/{id}/standings", routed(this::standings));
        app.get("/sessions/{id}/cars/{car}", routed(this::car));
        app.get("/sessions/{id}/gap", routed(this::gap));
        app.get("/sessions/{id}/track-status", routed(this::trackStatus));
        app.get("/sessions/{id}/classification", routed(this::classification));
    }

    /** A question answered from the local stores of the instance that owns the session. */
    @FunctionalInterface
    interface LocalQuery {
        JsonNode answer(Context ctx, String sessionId);
    }

    private Handler routed(LocalQuery query) {
        return ctx -> {
            String sessionId = ctx.pathParam("id");
            Route route = owners.route(sessionId, ctx.header(RequestForwarder.FORWARDED_BY) != null);
            if (route.kind() == Route.Kind.FORWARD) {
                relay(ctx, route.target());
                return;
            }
            try {
                respond(ctx, query.answer(ctx, sessionId));
            } catch (ApiError e) {
                if (route.kind() == Route.Kind.OWNER_UNKNOWN && e.unknownSession()) {
                    throw ApiError.unavailable("no instance owns session '" + sessionId
                            + "' at the moment (the cluster is rebalancing); retry shortly");
                }
                throw e;
            }
        };
    }

    private void relay(Context ctx, HostInfo target) {
        String pathAndQuery = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
        RequestForwarder.Answer answer;
        try {
            answer = forwarder.get(target, pathAndQuery);
        } catch (ApiError e) {
            metrics.forwarded(false);
            throw e;
        }
        metrics.forwarded(true);
        ctx.attribute(StandingsHttpServer.ANSWERED, true);
        ctx.status(answer.status()).contentType(answer.contentType())
                .header(RequestForwarder.SERVED_BY, answer.servedBy()).result(answer.body());
    }

    static void respond(Context ctx, JsonNode body) {
        ctx.contentType("application/json").result(body.toString());
    }

    // ------------------------------------------------------------------ local answers

    private JsonNode standings(Context ctx, String sessionId) {
        String wanted = ctx.queryParam("class");
        Standings board = onSession(sessionId, at(ctx), race ->
                wanted == null ? race.overall() : race.classStandings(carClass(race, wanted)));
        return json.standings(board);
    }

    private record CarAnswer(Standings board, CarStanding line, CarGaps gaps) {
    }

    private JsonNode car(Context ctx, String sessionId) {
        String car = ctx.pathParam("car");
        CarAnswer answer = onSession(sessionId, at(ctx), race -> {
            Standings board = race.overall();
            CarStanding line = board.getCars().stream().filter(c -> c.getCar().equals(car)).findFirst()
                    .orElseThrow(() -> unknownCar(sessionId, car, board));
            return new CarAnswer(board, line, race.carGaps(car));
        });
        return json.carDetail(answer.board(), answer.line(), answer.gaps());
    }

    private record GapAnswer(Standings board, PairGap pair, CarGaps from, CarGaps to) {
    }

    private JsonNode gap(Context ctx, String sessionId) {
        String from = required(ctx, "from");
        String to = required(ctx, "to");
        GapAnswer answer = onSession(sessionId, at(ctx), race -> {
            Standings board = race.overall();
            PairGap pair = race.gapBetween(from, to);
            if (pair == null) {
                throw unknownCar(sessionId, race.carGaps(from) == null ? from : to, board);
            }
            return new GapAnswer(board, pair, race.carGaps(from), race.carGaps(to));
        });
        return json.pairGap(answer.board(), answer.pair(), answer.from(), answer.to());
    }

    private JsonNode trackStatus(Context ctx, String sessionId) {
        return json.trackStatus(onSession(sessionId, at(ctx), RaceSession::trackStatus));
    }

    private JsonNode classification(Context ctx, String sessionId) {
        Standings board = onSession(sessionId, at(ctx), RaceSession::classification);
        ObjectNode node = json.standings(board);
        node.put("final", board.getFinalClassification()); // after the flag and the session's end
        return node;
    }

    /** The session now, or as of session time {@code atMs}; 404 when this instance has no such session. */
    private <T> T onSession(String sessionId, Long atMs, Function<RaceSession, T> query) {
        Optional<T> answer = atMs == null ? queries.withSession(sessionId, query) : queries.at(sessionId, atMs).map(query);
        return answer.orElseThrow(() -> ApiError.unknownSession(sessionId));
    }

    private static Long at(Context ctx) {
        String at = ctx.queryParam("at");
        if (at == null) {
            return null;
        }
        try {
            return RaceTime.parse(at);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("at must be a session time such as 16:00:00.000 (H:MM:SS.mmm): " + e.getMessage());
        }
    }

    private static String required(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            throw ApiError.badRequest("query parameter '" + name + "' is required, e.g. ?from=51&to=8");
        }
        return value;
    }

    /** The class as the session spells it; a class is matched without regard to case ("lmp2" finds "LMP2"). */
    private static String carClass(RaceSession race, String wanted) {
        for (String carClass : race.classes()) {
            if (carClass.equalsIgnoreCase(wanted)) {
                return carClass;
            }
        }
        throw ApiError.badRequest("no class '" + wanted + "' in session '" + race.sessionId() + "'; its classes are "
                + race.classes());
    }

    private static ApiError unknownCar(String sessionId, String car, Standings board) {
        return ApiError.notFound("no car #" + car + " in session '" + sessionId + "' (" + board.getCars().size()
                + " cars; race numbers are strings: '7' and '007' are different cars)");
    }

    // ------------------------------------------------------------------ the cluster

    /** Sessions of the whole application: this instance's, and each other instance's (asked with scope=local). */
    private void sessions(Context ctx) {
        boolean localOnly = "local".equals(ctx.queryParam("scope")) || ctx.header(RequestForwarder.FORWARDED_BY) != null;
        Map<String, JsonNode> sessions = new TreeMap<>();
        localSessions().forEach(node -> sessions.put(node.get("id").asText(), node));
        ArrayNode unreachable = json.array();
        if (!localOnly) {
            List<CompletableFuture<Void>> asks = new ArrayList<>();
            for (SessionOwners.Instance instance : owners.instances()) {
                if (instance.self()) {
                    continue;
                }
                asks.add(forwarder.getAsync(instance.host(), "/sessions?scope=local").handle((answer, failure) -> {
                    synchronized (sessions) {
                        if (failure != null || answer.status() != 200) {
                            unreachable.add(RequestForwarder.name(instance.host()));
                        } else {
                            json.read(new String(answer.body(), UTF_8))
                                    .path("sessions").forEach(node -> sessions.putIfAbsent(node.get("id").asText(), node));
                        }
                    }
                    return null;
                }));
            }
            CompletableFuture.allOf(asks.toArray(CompletableFuture[]::new)).join();
        }
        ObjectNode body = json.object();
        ArrayNode list = body.putArray("sessions");
        synchronized (sessions) {
            sessions.values().forEach(list::add);
        }
        if (!unreachable.isEmpty()) {
            body.set("unreachable", unreachable);
        }
        respond(ctx, body);
    }

    private List<JsonNode> localSessions() {
        List<JsonNode> summaries = new ArrayList<>();
        try {
            for (String id : queries.sessionIds()) {
                queries.withSession(id, this::summary).ifPresent(summaries::add);
            }
        } catch (InvalidStateStoreException e) {
            // No partition of the store is active here (an instance with nothing assigned, or mid-rebalance):
            // this instance holds no session it could answer for.
            return List.of();
        }
        return summaries;
    }

    private JsonNode summary(RaceSession race) {
        Standings board = race.overall();
        ObjectNode node = json.object();
        node.put("id", race.sessionId());
        node.put("name", board.getSessionName());
        node.put("sessionTimeMs", board.getSessionTimeMs());
        node.put("sessionTime", RaceTime.formatHms(board.getSessionTimeMs()));
        node.put("trackStatus", board.getTrackStatus().name());
        node.put("chequered", board.getChequered());
        node.put("cars", board.getCars().size());
        ArrayNode classes = node.putArray("classes");
        race.classes().forEach(classes::add);
        node.put("instance", forwarder.self());
        return node;
    }

    private void instances(Context ctx) {
        ObjectNode body = json.object();
        body.put("self", forwarder.self());
        ArrayNode list = body.putArray("instances");
        for (SessionOwners.Instance instance : owners.instances()) {
            ObjectNode node = list.addObject();
            node.put("instance", RequestForwarder.name(instance.host()));
            node.put("self", instance.self());
            node.set("activePartitions", partitions(instance.activePartitions()));
            node.set("standbyPartitions", partitions(instance.standbyPartitions()));
            ArrayNode stores = node.putArray("stores");
            instance.stores().stream().sorted().forEach(stores::add);
        }
        respond(ctx, body);
    }

    private ArrayNode partitions(Set<TopicPartition> partitions) {
        ArrayNode array = json.array();
        partitions.stream().map(TopicPartition::toString).sorted().forEach(array::add);
        return array;
    }

    // ------------------------------------------------------------------ for live screens

    /**
     * The current answer to {@code GET /sessions/{id}/{what}} as JSON text, from wherever the session lives;
     * empty when no instance has the session (yet).
     */
    Optional<String> current(String sessionId, String what) {
        Route route = owners.route(sessionId, false);
        if (route.kind() == Route.Kind.FORWARD) {
            RequestForwarder.Answer answer = forwarder.get(route.target(),
                    "/sessions/" + URLEncoder.encode(sessionId, UTF_8).replace("+", "%20") + "/" + what);
            return answer.status() == 200
                    ? Optional.of(new String(answer.body(), UTF_8)) : Optional.empty();
        }
        Optional<JsonNode> node = switch (what) {
            case "standings" -> queries.withSession(sessionId, RaceSession::overall).map(json::standings);
            case "track-status" -> queries.withSession(sessionId, RaceSession::trackStatus).map(json::trackStatus);
            default -> throw new IllegalArgumentException("no live snapshot of " + what);
        };
        return node.map(json::write);
    }
}
