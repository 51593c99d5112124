package org.racetiming.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.racetiming.serde.AvroSerde;
import org.racetiming.serde.SchemaRegistryClient;

class TopicsTest {

    @Test
    void shouldCompactEveryOutputTopicAndKeepTimingEventsForever() {
        Map<String, NewTopic> topics = Topics.newTopics(3, (short) 2).stream()
                .collect(Collectors.toMap(NewTopic::name, t -> t));

        assertThat(topics).containsOnlyKeys(Topics.ALL);
        for (String output : Topics.COMPACTED) {
            assertThat(topics.get(output).configs())
                    .containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        }
        assertThat(topics.get(Topics.TIMING_EVENTS).configs()).containsEntry(TopicConfig.RETENTION_MS_CONFIG, "-1");
        assertThat(topics.get(Topics.TIMING_EVENTS_REJECTED).configs()).isEmpty();
        assertThat(topics.get(Topics.NOTABLE_EVENTS).configs()).as("every notable event counts, not the latest").isEmpty();
        assertThat(topics.values()).allSatisfy(t -> {
            assertThat(t.numPartitions()).isEqualTo(3);
            assertThat(t.replicationFactor()).isEqualTo((short) 2);
        });
    }

    @Test
    void shouldRequireTwoInSyncReplicasOnlyWhereThereAreThreeReplicas() {
        assertThat(Topics.newTopics(6, (short) 3)).allSatisfy(t ->
                assertThat(t.configs()).containsEntry(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2"));
        assertThat(Topics.newTopics(1, (short) 1)).allSatisfy(t ->
                assertThat(t.configs()).doesNotContainKey(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG));
    }

    @Test
    void shouldRefuseZeroPartitions() {
        assertThatThrownBy(() -> Topics.newTopics(0, (short) 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldBuildClassAndCarKeysThatKeepTheSessionFirst() {
        assertThat(Topics.classKey("lm2023-race", "HYPERCAR")).isEqualTo("lm2023-race/HYPERCAR");
        assertThat(Topics.carKey("lm2023-race", "007")).isEqualTo("lm2023-race/007");
        assertThat(Topics.sessionOfKey("lm2023-race/007")).isEqualTo("lm2023-race");
        assertThat(Topics.sessionOfKey("lm2023-race")).isEqualTo("lm2023-race");
    }

    @Test
    void shouldDescribeEveryTopicWithItsNameAndAvroValueSerdes() {
        // Building descriptors contacts no registry: serdes register lazily on first write.
        try (SchemaRegistryClient registry = new SchemaRegistryClient("http://127.0.0.1:1")) {
            Topics topics = new Topics(registry);

            assertThat(topics.timingEvents().name()).isEqualTo(Topics.TIMING_EVENTS);
            assertThat(topics.timingEvents().valueSerde()).isInstanceOf(AvroSerde.class);
            assertThat(topics.timingEventsRejected().name()).isEqualTo(Topics.TIMING_EVENTS_REJECTED);
            assertThat(topics.overallStandings().name()).isEqualTo(Topics.OVERALL_STANDINGS);
            assertThat(topics.classStandings().name()).isEqualTo(Topics.CLASS_STANDINGS);
            assertThat(topics.finalClassification().name()).isEqualTo(Topics.FINAL_CLASSIFICATION);
            assertThat(topics.carGaps().name()).isEqualTo(Topics.CAR_GAPS);
            assertThat(topics.trackStatus().name()).isEqualTo(Topics.TRACK_STATUS);
            assertThat(((AvroSerde<?>) topics.carGaps().valueSerde()).subject(Topics.CAR_GAPS))
                    .isEqualTo("car-gaps-value");
            assertThat(registry.requestsSent()).isZero();
        }
    }
}
