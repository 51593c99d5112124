package org.racetiming.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.racetiming.output.CarStanding;
import org.racetiming.output.Standings;
import org.racetiming.time.RaceTime;
import org.racetiming.topics.Topic;
import org.racetiming.topics.Topics;

/** Follows the overall standings of a session and logs the top of each class whenever it changes. */
final class StandingsLogger implements AutoCloseable {

    private static final int TOP = 3;

    private final KafkaConsumer<String, Standings> consumer;
    private final Thread thread;
    private final String sessionId;
    private String lastTop = "";
    private String lastStatus = "";

    private StandingsLogger(KafkaConsumer<String, Standings> consumer, String sessionId) {
        this.consumer = consumer;
        this.sessionId = sessionId;
        this.thread = new Thread(this::run, "standings-logger");
        this.thread.setDaemon(true);
    }

    static StandingsLogger start(String bootstrapServers, Topics topics, String sessionId) {
        Topic<String, Standings> topic = topics.overallStandings();
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        KafkaConsumer<String, Standings> consumer = new KafkaConsumer<>(props, topic.keySerde().deserializer(), topic.valueSerde().deserializer());
        Partitions.assignAll(consumer, topic.name());
        StandingsLogger logger = new StandingsLogger(consumer, sessionId);
        logger.thread.start();
        return logger;
    }

    private void run() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, Standings> record : consumer.poll(Duration.ofMillis(200))) {
                    Standings s = record.value();
                    if (s != null && sessionId.equals(s.getSessionId())) {
                        log(s);
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        }
    }

    private void log(Standings standings) {
        String status = standings.getTrackStatus() + (standings.getChequered() ? " (chequered)" : "");
        if (!status.equals(lastStatus)) {
            lastStatus = status;
            Log.info("[%s] track: %s", RaceTime.formatHms(standings.getSessionTimeMs()), status);
        }
        Map<String, List<CarStanding>> byClass = new LinkedHashMap<>();
        for (CarStanding car : standings.getCars()) {
            List<CarStanding> cars = byClass.computeIfAbsent(car.getCarClass(), c -> new ArrayList<>());
            if (cars.size() < TOP) {
                cars.add(car);
            }
        }
        String top = byClass.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue().stream()
                        .map(c -> "#" + c.getCar() + (c.getClassGapFirst() == null ? "" : " +" + ClassificationTable.gap(c.getClassGapFirst())))
                        .collect(Collectors.joining(", ")))
                .collect(Collectors.joining(" | "));
        String order = top.replaceAll(" \\+[^,|]*", "");
        if (!order.equals(lastTop)) {
            lastTop = order;
            Log.info("[%s] %s", RaceTime.formatHms(standings.getSessionTimeMs()), top);
        }
    }

    @Override
    public void close() {
        consumer.wakeup();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumer.close(Duration.ofSeconds(1));
    }
}
