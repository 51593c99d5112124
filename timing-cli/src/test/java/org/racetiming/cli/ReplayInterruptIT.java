package org.racetiming.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.racetiming.embedded.StackEndpoints;
import org.racetiming.embedded.junit.WithKafkaStack;
import org.racetiming.ingest.replay.SessionReplay;
import org.slf4j.LoggerFactory;

/**
 * `timing replay` stopped by Ctrl-C (an interrupt of the command's thread, as {@link TimingProcess} delivers it) while it
 * still reads the recorded session: it ends, and its producer closes in order instead of being cut short while
 * joining its I/O thread (which Kafka logs as an error with a stack trace).
 */
@WithKafkaStack
class ReplayInterruptIT {

    @Test
    void shouldStopQuietlyWhenInterruptedWhileReading(StackEndpoints stack) {
        Logger producerLog = (Logger) LoggerFactory.getLogger(KafkaProducer.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        producerLog.addAppender(logged);
        try (Pipeline pipeline = Pipeline.connect(stack)) {
            SessionReplay.Options options = new SessionReplay.Options("any-recorded-session", "its-replay", 1, 0);

            Thread.currentThread().interrupt();
            Throwable stopped = catchThrowable(() -> ReplayCommand.replay(pipeline, options));
            boolean stillInterrupted = Thread.interrupted();

            assertThat(stopped).as("the read gave up on the interrupt").isNotNull();
            assertThat(stillInterrupted || stopped instanceof org.apache.kafka.common.errors.InterruptException)
                    .as("the interrupt is not lost").isTrue();
            assertThat(logged.list).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.ERROR))
                    .as("errors the producer logged while closing").isEmpty();
        } finally {
            producerLog.detachAppender(logged);
        }
    }
}
