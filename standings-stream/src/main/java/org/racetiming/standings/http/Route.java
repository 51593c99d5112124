package org.racetiming.standings.http;

import java.util.Objects;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Where a query about one session is answered: here, at the instance that owns the session, or here as a best
 * effort while no owner is known (a rebalance).
 *
 * @param target the owner to forward to; only for {@link Kind#FORWARD}
 */
record Route(Kind kind, HostInfo target) {

    enum Kind { LOCAL, FORWARD, OWNER_UNKNOWN }

    static final Route LOCAL = new Route(Kind.LOCAL, null);
    static final Route OWNER_UNKNOWN = new Route(Kind.OWNER_UNKNOWN, null);

    Route {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.FORWARD) != (target != null)) {
            throw new IllegalArgumentException("a forward needs a target, and only a forward has one");
        }
    }

    static Route forward(HostInfo target) {
        return new Route(Kind.FORWARD, target);
    }

    /**
     * The routing decision.
     *
     * @param self this instance's {@code application.server}; null when it has none (a single instance)
     * @param owner the session key's metadata from {@code queryMetadataForKey}
     * @param forwarded the request was already forwarded by another instance: answer it here, whatever the
     *     metadata says now, so that two instances with different views of a rebalance never bounce it
     */
    static Route decide(HostInfo self, KeyQueryMetadata owner, boolean forwarded) {
        if (self == null || forwarded) {
            return LOCAL;
        }
        if (owner == null || owner.equals(KeyQueryMetadata.NOT_AVAILABLE) || owner.activeHost() == null
                || owner.activeHost().port() < 0) {
            return OWNER_UNKNOWN;
        }
        return owner.activeHost().equals(self) ? LOCAL : forward(owner.activeHost());
    }
}
