package org.racetiming.standings.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.racetiming.standings.rules.RaceEvents.apply;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.racetiming.event.TrackStatus;
import org.racetiming.output.CarGaps;
import org.racetiming.output.Standings;

class OutputRecordsTest {

    private final RaceEvents race = RaceEvents.race().duration("12:00.000")
            .car("51", "HYPERCAR").car("34", "LMP2").car("8", "HYPERCAR").car("85", "LMGTE Am");

    private RaceSession raceWithEverything() {
        RaceSession session = race.session();
        apply(session, RaceEvents.inTimeOrder(
                race.steadyLaps("51", 1, 3, "0.000", "3:30.000"),
                race.steadyLaps("8", 1, 3, "0.000", "3:31.000"),
                race.steadyLaps("34", 1, 2, "0.000", "3:50.000")));
        apply(session,
                race.lap("85", 1, "4:10.000", "4:10.000", true, "Sarah BOVY"),
                race.pitIn("85", 1, "4:10.000"),
                race.zone(TrackStatus.SLOW_ZONE, "12", true, "9:00.000"),
                race.penalty("34", 0, 5_000, "9:30.000"));
        return session;
    }

    @Test
    void shouldListClassesInEntryListOrder() {
        assertThat(race.session().classes()).containsExactly("HYPERCAR", "LMP2", "LMGTE Am");
    }

    @Test
    void shouldFillTheStandingsHeader() {
        RaceSession session = raceWithEverything();

        Standings overall = session.overall();

        assertThat(overall.getSessionId()).isEqualTo(RaceEvents.SESSION);
        assertThat(overall.getSessionName()).isEqualTo("Test RACE");
        assertThat(overall.getCarClass()).isNull();
        assertThat(overall.getSessionTimeMs()).isEqualTo(session.sessionTimeMs());
        assertThat(overall.getTrackStatus()).isEqualTo(TrackStatus.SLOW_ZONE);
        assertThat(overall.getEventsSeen()).isEqualTo(session.eventsSeen());
        assertThat(overall.getCars()).extracting(c -> c.getPosition()).containsExactly(1, 2, 3, 4);
        assertThat(session.classStandings("HYPERCAR").getCars()).hasSize(2);
        assertThat(session.classStandings("GT500").getCars()).isEmpty();
    }

    @Test
    void shouldProduceRecordsThatTheirAvroSchemasAcceptBeforeAndAfterTheFlag() throws IOException {
        RaceSession session = raceWithEverything();
        roundTrip(session.overall());
        roundTrip(session.classStandings("LMP2"));
        roundTrip(session.trackStatus());
        roundTrip(session.carGaps("8"));

        apply(session, race.steadyLaps("51", 4, 4, "10:30.000", "3:30.000"));
        assertThat(session.chequered()).isTrue();
        roundTrip(session.classification());
        roundTrip(session.carGaps("85"));
    }

    @Test
    void shouldHandOutFreshRecordsSoThatACallerCannotChangeTheSession() {
        RaceSession session = raceWithEverything();
        Standings first = session.overall();
        first.getCars().get(0).setLaps(999);
        CarGaps gaps = session.carGaps("8");
        gaps.getGapFirst().setTimeMs(-1);

        assertThat(session.overall().getCars().get(0).getLaps()).isEqualTo(3);
        assertThat(session.carGaps("8").getGapFirst().getTimeMs()).isEqualTo(3_000);
    }

    @Test
    void shouldGiveAnEmptyBoardBeforeTheSessionStarts() {
        RaceSession session = new RaceSession("not-started");

        assertThat(session.overall().getCars()).isEmpty();
        assertThat(session.classes()).isEmpty();
        assertThat(session.carGaps("51")).isNull();
        assertThat(session.chequered()).isFalse();
    }

    private static <T extends SpecificRecord> void roundTrip(T record) throws IOException {
        @SuppressWarnings("unchecked")
        Class<T> type = (Class<T>) record.getClass();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        new SpecificDatumWriter<>(type).write(record, encoder);
        encoder.flush();
        T back = new SpecificDatumReader<>(type).read(null,
                DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));
        assertThat(back).isEqualTo(record);
    }
}
