package org.racetiming.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;

class KnownWarningsTest {

    @Test
    void shouldDropOnlyTheKnownWarningsOfTheirLoggers() {
        LoggerContext context = new LoggerContext();
        KnownWarnings filter = new KnownWarnings();
        filter.start();
        context.addTurboFilter(filter);
        ListAppender<ILoggingEvent> shown = new ListAppender<>();
        shown.setContext(context);
        shown.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(shown);

        Logger controller = context.getLogger("org.apache.kafka.controller.QuorumController");
        Logger network = context.getLogger("org.apache.kafka.clients.NetworkClient");
        controller.warn("[QuorumController id=1] Performing controller activation. The metadata log appears to be empty.");
        network.warn("[NodeToControllerChannelManager id=1 name=registration] Attempting to close NetworkClient that has already been closed.");
        network.warn("[Producer clientId=p] Connection to node 1 (/127.0.0.1:9092) could not be established. Node may not be available.");
        context.getLogger("org.racetiming.Other").warn("Performing controller activation");
        controller.error("[QuorumController id=1] Performing controller activation failed");

        assertThat(shown.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                "[Producer clientId=p] Connection to node 1 (/127.0.0.1:9092) could not be established. Node may not be available.",
                "Performing controller activation",
                "[QuorumController id=1] Performing controller activation failed");
    }
}
