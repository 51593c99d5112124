package org.racetiming.standings.topology;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.racetiming.serde.SchemaRegistryException;
import org.racetiming.topics.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What to do with a record of timing-events that cannot be decoded.
 *
 * <p>Bad bytes are a fact of the record (no magic byte, truncated, not Avro of the schema it names): it goes to
 * timing-events-rejected with the reason and the topology carries on. Anything the registry answers or fails to
 * answer is a fact of the infrastructure: unreachable, a 5xx, and also a 404 for a well-formed record's schema id
 * (the registry lost its schemas, e.g. an in-memory registry restarted empty). Skipping would lose a race's valid
 * events for good, so the topology stops instead, with the registry's answer, and resumes from the same offset once
 * the registry is right again.
 */
public final class UndecodableEventHandler implements DeserializationExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(UndecodableEventHandler.class);

    @Override
    public void configure(Map<String, ?> configs) {
        // nothing to configure
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        if (registryFault(exception)) {
            LOG.error("the schema registry did not give the schema of {}-{}@{} ({}): stopping rather than skipping"
                    + " valid events; fix the registry and restart", record.topic(), record.partition(), record.offset(),
                    exception.getMessage(), exception);
            return Response.fail();
        }
        String reason = "undecodable event: " + exception.getMessage();
        String source = record.topic() + "-" + record.partition() + "@" + record.offset();
        LOG.warn("{} at {}", reason, source);
        RecordHeaders headers = Topics.rejectionHeaders(reason, source, Topics.REJECTED_BY_STANDINGS);
        byte[] value = record.value() == null ? new byte[0]
                : ("base64:" + Base64.getEncoder().encodeToString(record.value())).getBytes(StandardCharsets.UTF_8);
        return Response.resume(List.of(new ProducerRecord<>(Topics.TIMING_EVENTS_REJECTED, null, record.key(), value, headers)));
    }

    /** The registry did not give the record's schema, for whatever reason: not the record's fault. */
    static boolean registryFault(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SchemaRegistryException) {
                return true;
            }
        }
        return false;
    }
}
