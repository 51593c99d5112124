/**
 * A real Kafka and a real Confluent-API schema registry for one machine, without Docker.
 *
 * <ul>
 *   <li>{@link org.racetiming.embedded.TimingStack} — what the {@code timing} command uses: external
 *       servers from {@code KAFKA_BOOTSTRAP_SERVERS} / {@code SCHEMA_REGISTRY_URL}, else embedded ones.</li>
 *   <li>{@link org.racetiming.embedded.EmbeddedKafkaBroker} — a KRaft node (broker and controller) in this JVM.</li>
 *   <li>{@link org.racetiming.embedded.KafkaNodeApp} — a KRaft node as a process of its own, configured by the
 *       {@code KAFKA_*} variables as the apache/kafka image is (the deployment test's brokers).</li>
 *   <li>{@link org.racetiming.embedded.EmbeddedSchemaRegistry} — Apicurio Registry in a child JVM,
 *       Confluent API at {@code /apis/ccompat/v7}, compatibility BACKWARD.</li>
 *   <li>{@link org.racetiming.embedded.junit.WithKafkaStack} — for integration tests: one broker and one
 *       registry per test JVM, handed to tests as {@link org.racetiming.embedded.StackEndpoints}.</li>
 * </ul>
 *
 * <p>System properties: {@code racetiming.apicurio.home} (where Apicurio's distribution is),
 * {@code racetiming.apicurio.cds=false} (no class-data archive for the registry's JVM),
 * {@code racetiming.test.broker=embedded|container} (the tests' broker, instead of asking Docker).
 */
package org.racetiming.embedded;
