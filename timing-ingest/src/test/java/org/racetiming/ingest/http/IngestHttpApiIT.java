package org.racetiming.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.racetiming.embedded.StackEndpoints;
import org.racetiming.embedded.junit.WithKafkaStack;
import org.racetiming.event.LapCompleted;
import org.racetiming.event.TimingEvent;
import org.racetiming.ingest.IngestMetrics;
import org.racetiming.ingest.publish.RejectedRecords;
import org.racetiming.ingest.publish.EventPublisher;
import org.racetiming.ingest.replay.SessionEventsReader;
import org.racetiming.ingest.validation.EventValidator;
import org.racetiming.serde.SchemaRegistryClient;
import org.racetiming.topics.Topics;

/** The HTTP ingest API over real HTTP, publishing to the real broker with the real registry. */
@WithKafkaStack
class IngestHttpApiIT {

    private static final String TOKEN = "it-token-7f3a";
    private static final long MAX_BODY = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static String bootstrap;
    private static SchemaRegistryClient registry;
    private static Topics topics;
    private static EventPublisher publisher;
    private static IngestHttpServer server;
    private static SessionEventsReader reader;

    private String session;

    @BeforeAll
    static void startServer(StackEndpoints stack) {
        bootstrap = stack.bootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Topics.ensureTopics(admin);
        }
        registry = new SchemaRegistryClient(stack.schemaRegistryUrl());
        topics = new Topics(registry);
        publisher = new EventPublisher(bootstrap, topics);
        reader = new SessionEventsReader(bootstrap, topics.timingEvents(), Duration.ofSeconds(30));
        server = startServer(new EventValidator());
    }

    private static IngestHttpServer startServer(EventValidator validator) {
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        IngestMetrics metrics = new IngestMetrics(prometheus, IngestMetrics.SOURCE_HTTP);
        HttpIntake intake = new HttpIntake(publisher, validator, id -> reader.read(id, SessionEventsReader.Scope.KEY_PARTITION),
                metrics, Duration.ofSeconds(30));
        return IngestHttpServer.start(new HttpIngestSettings(0, TOKEN, false, MAX_BODY, Duration.ofSeconds(30)).onHost("127.0.0.1"), intake, prometheus, metrics);
    }

    @AfterAll
    static void stopServer() {
        server.close();
        publisher.close();
        registry.close();
    }

    @BeforeEach
    void newSession(TestInfo test) {
        session = "http-it-" + test.getTestMethod().orElseThrow().getName().toLowerCase(java.util.Locale.ROOT) + "-" + System.nanoTime();
    }

    private static final String START = "{'type':'SESSION_STARTED','name':'test','intermediatePoints':['S1','S2'],"
            + "'entries':[{'car':'51','class':'HYPERCAR'},{'car':'007','class':'LMGT3'}]}";

    private static String lap(String car, int lap, String at, String lapTime) {
        return "{'type':'LAP_COMPLETED','car':'" + car + "','lap':" + lap + ",'at':'" + at + "','lapTime':'" + lapTime + "'}";
    }

    private static String batch(String... events) {
        return "[" + String.join(",", events) + "]";
    }

    private HttpResponse<String> post(String json) throws IOException, InterruptedException {
        return post(server, session, json.replace('\'', '"'), "Bearer " + TOKEN);
    }

    private static HttpResponse<String> post(IngestHttpServer to, String sessionId, String body, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + to.port() + "/sessions/" + sessionId + "/events"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    private List<TimingEvent> published() {
        return reader.read(session, SessionEventsReader.Scope.KEY_PARTITION);
    }

    @Test
    void shouldAcceptOneEventWith202AndPublishItToTimingEvents() throws Exception {
        HttpResponse<String> response = post(START);

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode answer = json(response);
        assertThat(answer.path("accepted").asInt()).isEqualTo(1);
        assertThat(answer.path("duplicates").asInt()).isZero();
        assertThat(answer.path("rejected").asInt()).isZero();
        assertThat(answer.has("errors")).isFalse();
        assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
        assertThat(published()).singleElement().satisfies(event -> {
            assertThat(event.getEventId()).isEqualTo("start");
            assertThat(event.getSource()).isEqualTo("http:" + answer.path("requestId").asText());
        });
    }

    @Test
    void shouldAcceptABatchAndPublishItInOrder() throws Exception {
        HttpResponse<String> response = post(batch(START, lap("51", 1, "3:40.000", "3:40.000"), lap("007", 1, "3:55.500", "3:55.500"),
                lap("51", 2, "7:10.000", "3:30.000")));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(json(response).path("accepted").asInt()).isEqualTo(4);
        assertThat(published()).extracting(TimingEvent::getEventId).containsExactly("start", "lap/51/1", "lap/007/1", "lap/51/2");
        assertThat(published().get(3).getPayload()).isInstanceOfSatisfying(LapCompleted.class,
                lap -> assertThat(lap.getLapTimeMs()).isEqualTo(210_000L));
    }

    @Test
    void shouldPublishARepeatedEventOnceAndCountItAsADuplicate() throws Exception {
        post(batch(START, lap("51", 1, "3:40.000", "3:40.000")));

        HttpResponse<String> retry = post(batch(lap("51", 1, "3:40.000", "3:40.000"), lap("51", 2, "7:10.000", "3:30.000")));

        assertThat(retry.statusCode()).isEqualTo(202);
        assertThat(json(retry).path("accepted").asInt()).isEqualTo(1);
        assertThat(json(retry).path("duplicates").asInt()).isEqualTo(1);
        assertThat(published()).extracting(TimingEvent::getEventId).containsExactly("start", "lap/51/1", "lap/51/2");
    }

    @Test
    void shouldRejectAnEventIdAlreadyAcceptedWithOtherContent() throws Exception {
        post(batch(START, lap("51", 1, "3:40.000", "3:40.000")));

        HttpResponse<String> response = post(lap("51", 1, "3:41.000", "3:41.000"));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = json(response).path("errors").get(0);
        assertThat(error.path("index").asInt()).isZero();
        assertThat(error.path("field").asText()).isEqualTo("eventId");
        assertThat(error.path("reason").asText()).contains("lap/51/1 was already accepted with other content");
    }

    @Test
    void shouldAnswer400WithTheLineAndColumnOfBadJsonAndRecordTheBody() throws Exception {
        HttpResponse<String> response = post("[{'type':'LAP_COMPLETED',\n 'car':'51' 'lap':1}]");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode answer = json(response);
        JsonNode error = answer.path("errors").get(0);
        assertThat(error.path("line").asInt()).isEqualTo(2);
        assertThat(error.path("column").asInt()).isEqualTo(13);
        assertThat(error.path("reason").asText()).startsWith("not JSON: Unexpected character");
        assertThat(answer.path("rejected").asInt()).isEqualTo(1);
        assertThat(RejectedRecords.rejected(bootstrap, session)).singleElement().satisfies(rejected -> {
            assertThat(rejected.source()).isEqualTo("http:" + answer.path("requestId").asText());
            assertThat(rejected.reason()).startsWith("not JSON: ").endsWith("(line 2, column 13)");
            assertThat(rejected.rawText()).contains("'lap':1".replace('\'', '"'));
        });
        assertThat(published()).isEmpty();
    }

    @Test
    void shouldAnswer400WithEveryProblemWhilePublishingTheValidEventsAroundThem() throws Exception {
        HttpResponse<String> response = post(batch(START,
                "{'type':'LAP_COMPLETED','lap':1,'at':'3:40.000'}",
                "{'type':'LAP_COMPLETED','car':'51','lap':'one','at':'3:4O.000'}",
                lap("51", 1, "3:40.000", "3:40.000")));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode answer = json(response);
        assertThat(answer.path("accepted").asInt()).isEqualTo(2);
        assertThat(answer.path("rejected").asInt()).isEqualTo(2);
        assertThat(answer.path("errors")).extracting(e -> e.path("index").asInt() + " " + e.path("field").asText() + ": " + e.path("reason").asText())
                .containsExactly("1 car: missing",
                        "2 at: '3:4O.000' is not a time (H:MM:SS.mmm, M:SS.mmm or S.mmm)",
                        "2 lap: must be a whole number, not \"one\"");
        assertThat(published()).extracting(TimingEvent::getEventId).containsExactly("start", "lap/51/1");
        String source = "http:" + answer.path("requestId").asText();
        assertThat(RejectedRecords.rejected(bootstrap, session)).extracting(RejectedRecords.Rejected::source, RejectedRecords.Rejected::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(source, "event 1: car: missing"),
                        org.assertj.core.groups.Tuple.tuple(source, "event 2: at: '3:4O.000' is not a time (H:MM:SS.mmm, M:SS.mmm or S.mmm); "
                                + "lap: must be a whole number, not \"one\""));
        assertThat(RejectedRecords.rejected(bootstrap, session)).allSatisfy(r -> assertThat(r.headers()).containsEntry("rejected-by", "ingest"));
    }

    @Test
    void shouldRejectAnUnknownCarOnceTheEntryListIsKnown() throws Exception {
        post(START);

        HttpResponse<String> response = post(batch(lap("99", 1, "3:40.000", "3:40.000"), lap("007", 1, "3:55.000", "3:55.000")));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode answer = json(response);
        assertThat(answer.path("errors")).singleElement().satisfies(error -> {
            assertThat(error.path("index").asInt()).isZero();
            assertThat(error.has("field")).isFalse();
            assertThat(error.path("reason").asText()).isEqualTo("unknown car 99 (not in the session's entry list)");
        });
        assertThat(answer.path("accepted").asInt()).isEqualTo(1);
        assertThat(RejectedRecords.rejected(bootstrap, session)).extracting(RejectedRecords.Rejected::reason)
                .containsExactly("event 0: unknown car 99 (not in the session's entry list)");
    }

    @Test
    void shouldRejectTheSameIdWithOtherContentButAcceptALateEvent() throws Exception {
        post(batch(START, lap("51", 1, "3:40.000", "3:40.000"), lap("51", 2, "7:10.000", "3:30.000")));

        HttpResponse<String> response = post(lap("51", 1, "3:40.000", "3:40.001"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("errors").get(0).path("field").asText()).isEqualTo("eventId");
        // DOMAIN.md: a late event is not an error (the standings place it at its session time).
        HttpResponse<String> late = post("{'type':'TIMING_POINT','car':'51','lap':2,'point':1,'at':'4:50.000'}");
        assertThat(late.statusCode()).isEqualTo(202);
    }

    @Test
    void shouldAnswer401WithoutOrWithAMalformedAuthorizationHeader() throws Exception {
        for (String authorization : new String[] {null, "Basic aXQ6aXQ=", "Bearer", TOKEN}) {
            HttpResponse<String> response = post(server, session, START.replace('\'', '"'), authorization);

            assertThat(response.statusCode()).as("Authorization: %s", authorization).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
            assertThat(json(response).path("errors").get(0).path("reason").asText()).contains("Authorization");
        }
        assertThat(published()).isEmpty();
    }

    @Test
    void shouldAnswer403ForAWrongToken() throws Exception {
        HttpResponse<String> response = post(server, session, START.replace('\'', '"'), "Bearer " + TOKEN + "x");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response).path("errors").get(0).path("reason").asText()).isEqualTo("the bearer token is not valid");
        assertThat(published()).isEmpty();
    }

    @Test
    void shouldAnswer413ForABodyOverTheLimitAndPublishNothing() throws Exception {
        StringBuilder big = new StringBuilder("[").append(START.replace('\'', '"'));
        while (big.length() <= MAX_BODY) {
            big.append(',').append(lap("51", 1, "3:40.000", "3:40.000").replace('\'', '"'));
        }
        HttpResponse<String> response = post(server, session, big.append(']').toString(), "Bearer " + TOKEN);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json(response).path("errors").get(0).path("reason").asText()).contains(String.valueOf(MAX_BODY));
        assertThat(published()).isEmpty();
    }

    @Test
    void shouldRefuseASessionIdThatCannotBeAKey() throws Exception {
        HttpResponse<String> response = post(server, "bad%20id", START.replace('\'', '"'), "Bearer " + TOKEN);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("errors").get(0).path("field").asText()).isEqualTo("sessionId");
    }

    @Test
    void shouldServeHealthAndPrometheusMetricsWithoutAToken() throws Exception {
        post(START);

        HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> metrics = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("UP");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
        assertThat(metrics.body()).contains("ingest_events_accepted_total{source=\"http\"}", "ingest_http_requests_total{status=\"202\"}",
                "ingest_events_rejected_total{source=\"http\",stage=\"parse\"}");
    }

    @Test
    void shouldRememberASessionAfterARestartByReadingItBackFromTheTopic() throws Exception {
        post(batch(START, lap("51", 1, "3:40.000", "3:40.000")));

        try (IngestHttpServer restarted = startServer(new EventValidator())) {
            HttpResponse<String> retry = post(restarted, session, lap("51", 1, "3:40.000", "3:40.000").replace('\'', '"'), "Bearer " + TOKEN);
            HttpResponse<String> unknownCar = post(restarted, session, lap("99", 1, "3:40.000", "3:40.000").replace('\'', '"'), "Bearer " + TOKEN);

            assertThat(retry.statusCode()).isEqualTo(202);
            assertThat(json(retry).path("duplicates").asInt()).isEqualTo(1);
            assertThat(unknownCar.statusCode()).isEqualTo(400);
            assertThat(json(unknownCar).path("errors").get(0).path("reason").asText()).startsWith("unknown car 99");
        }
        assertThat(published()).extracting(TimingEvent::getEventId).containsExactly("start", "lap/51/1");
    }
}
