package org.racetiming.standings.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.racetiming.event.TimingEvent;
import org.racetiming.standings.rules.RealRaces;

class SessionArchiveTest {

    @Test
    void shouldGiveBackEveryEventOfAWholeRaceInChunksKafkaTakes() {
        List<TimingEvent> events = RealRaces.events("wec-2023-le-mans-24h", "24:00:00.000");

        List<byte[]> chunks = SessionArchive.encode(events);
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        chunks.forEach(joined::writeBytes);

        assertThat(SessionArchive.decode(joined.toByteArray())).isEqualTo(events);
        assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.length).isLessThanOrEqualTo(SessionArchive.CHUNK_BYTES));
        // A figure for the team: what a finished 24-hour race costs the log once archived.
        System.out.printf(Locale.ROOT, "Le Mans 2023 archive: %d events in %d chunks, %d KB%n",
                events.size(), chunks.size(), joined.size() / 1024);
    }
}
