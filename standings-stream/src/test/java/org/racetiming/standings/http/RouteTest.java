package org.racetiming.standings.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

/** The routing decision: answer here, forward to the owner, or say no owner is known. */
class RouteTest {

    private static final HostInfo SELF = new HostInfo("standings-1", 8080);
    private static final HostInfo OTHER = new HostInfo("standings-2", 8080);

    private static KeyQueryMetadata ownedBy(HostInfo active, HostInfo... standbys) {
        return new KeyQueryMetadata(active, Set.of(standbys), 3);
    }

    @Test
    void shouldAnswerHereWhenThisInstanceOwnsTheSession() {
        assertThat(Route.decide(SELF, ownedBy(SELF, OTHER), false)).isEqualTo(Route.LOCAL);
    }

    @Test
    void shouldForwardToTheActiveOwnerNotToAStandby() {
        Route route = Route.decide(SELF, ownedBy(OTHER, SELF), false);

        assertThat(route.kind()).isEqualTo(Route.Kind.FORWARD);
        assertThat(route.target()).isEqualTo(OTHER);
    }

    @Test
    void shouldTellInstancesOnTheSameHostApartByPort() {
        Route route = Route.decide(SELF, ownedBy(new HostInfo("standings-1", 8081)), false);

        assertThat(route.kind()).isEqualTo(Route.Kind.FORWARD);
        assertThat(route.target().port()).isEqualTo(8081);
    }

    @Test
    void shouldAnswerAForwardedRequestHereWhateverTheMetadataSays() {
        // Two instances with different views during a rebalance must not bounce a request between them.
        assertThat(Route.decide(SELF, ownedBy(OTHER), true)).isEqualTo(Route.LOCAL);
    }

    @Test
    void shouldAnswerEverythingHereWithoutAnApplicationServer() {
        assertThat(Route.decide(null, ownedBy(OTHER), false)).isEqualTo(Route.LOCAL);
    }

    @Test
    void shouldKnowNoOwnerWhileTheMetadataIsNotAvailable() {
        assertThat(Route.decide(SELF, KeyQueryMetadata.NOT_AVAILABLE, false)).isEqualTo(Route.OWNER_UNKNOWN);
        assertThat(Route.decide(SELF, null, false)).isEqualTo(Route.OWNER_UNKNOWN);
    }
}
