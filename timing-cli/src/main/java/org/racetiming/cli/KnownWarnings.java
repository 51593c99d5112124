package org.racetiming.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.List;
import org.slf4j.Marker;

/**
 * Drops the warnings Kafka logs on every run of the {@code timing} command that say nothing to its user (each
 * checked: they describe how the embedded one-node stack is meant to work). Other warnings of the same loggers
 * still show. Installed by {@code logback.xml}.
 */
public final class KnownWarnings extends TurboFilter {

    private record Known(String logger, String messageStart) {
    }

    private static final List<Known> KNOWN = List.of(
            // A freshly formatted KRaft log is empty on its first start: that is what formatting does.
            new Known("org.apache.kafka.controller.QuorumController", "Performing controller activation"),
            // The embedded broker's own shutdown closes this client twice; harmless.
            new Known("org.apache.kafka.clients.NetworkClient", "Attempting to close NetworkClient that has already been closed"),
            // The commands keep Streams' state in their own temporary directory on purpose, deleted when they end.
            new Known("org.apache.kafka.streams.processor.internals.StateDirectory", "Using an OS temp directory in the state.dir"),
            // The topology has no global stores, so a global processing handler has nothing to handle.
            new Known("org.apache.kafka.streams.StreamsConfig", "Processing exception handler is not enabled for the GlobalThread"));

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (level != Level.WARN || format == null) {
            return FilterReply.NEUTRAL;
        }
        for (Known known : KNOWN) {
            if (logger.getName().equals(known.logger()) && messageStarts(format, known.messageStart())) {
                return FilterReply.DENY;
            }
        }
        return FilterReply.NEUTRAL;
    }

    /** Kafka prefixes some messages with a log context ("[Producer clientId=…] "): compare after it too. */
    private static boolean messageStarts(String format, String start) {
        return format.startsWith(start) || format.contains("] " + start);
    }
}
