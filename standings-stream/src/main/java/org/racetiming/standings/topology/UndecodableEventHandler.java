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
 * <p>Bad bytes are a fact of the record: it goes to timing-events-rejected with the reason and the
 * topology carries on. A registry that cannot be reached is a fact of the moment: skipping would
 * lose valid events for good, so the topology stops instead and resumes from the same offset once
 * restarted.
 */
public final class UndecodableEventHandler implements DeserializationExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(UndecodableEventHandler.class);

    @Override
    public void configure(Map<String, ?> configs) {
        // nothing to configure
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        if (registryUnavailable(exception)) {
            LOG.error("schema registry unavailable while reading {}-{}@{}: stopping rather than skipping events",
                    record.topic(), record.partition(), record.offset(), exception);
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

    /** Unreachable, or answering 5xx: not the record's fault. A 404 for its schema id is. */
    static boolean registryUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SchemaRegistryException sre) {
                return sre.httpStatus() == SchemaRegistryException.NO_STATUS || sre.httpStatus() >= 500;
            }
        }
        return false;
    }
}
