package org.racetiming.standings.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.Test;

class SessionEventLogTest {

    @Test
    void shouldListEverySessionOfAStoreOnce() {
        PartitionedStore store = new PartitionedStore(1);
        store.put(0, "le-mans", 3);
        store.put(0, "spa", 2);
        store.put(0, "bahrain", 1);

        assertThat(SessionEventLog.sessionIds(store)).containsExactly("bahrain", "le-mans", "spa");
    }

    @Test
    void shouldListEverySessionOfAStoreThatSpansPartitions() {
        // A store over several partitions answers a range partition after partition, not in one global order.
        PartitionedStore store = new PartitionedStore(3);
        store.put(0, "m", 2);
        store.put(0, "z", 1);
        store.put(1, "a", 4);
        store.put(1, "n", 1);
        store.put(2, "b", 1);
        store.put(2, "zz", 3);
        store.put(2, "a-much-longer-session-id", 2);

        assertThat(SessionEventLog.sessionIds(store)).containsExactlyInAnyOrder("a", "a-much-longer-session-id", "b", "m", "n", "z", "zz");
    }

    @Test
    void shouldListNoSessionOfAnEmptyStore() {
        assertThat(SessionEventLog.sessionIds(new PartitionedStore(2))).isEmpty();
    }

    /** Sorted per partition, concatenated across partitions, as Kafka Streams' composite store reads. */
    private static final class PartitionedStore implements ReadOnlyKeyValueStore<Bytes, byte[]> {
        private final List<NavigableMap<Bytes, byte[]>> partitions = new ArrayList<>();

        PartitionedStore(int count) {
            for (int i = 0; i < count; i++) {
                partitions.add(new TreeMap<>());
            }
        }

        void put(int partition, String session, int events) {
            for (int seq = 0; seq < events; seq++) {
                partitions.get(partition).put(SessionEventLog.key(session, seq * 1000L, seq), new byte[0]);
            }
        }

        @Override
        public byte[] get(Bytes key) {
            return partitions.stream().map(p -> p.get(key)).filter(v -> v != null).findFirst().orElse(null);
        }

        @Override
        public KeyValueIterator<Bytes, byte[]> range(Bytes from, Bytes to) {
            List<KeyValue<Bytes, byte[]>> all = new ArrayList<>();
            for (NavigableMap<Bytes, byte[]> partition : partitions) {
                NavigableMap<Bytes, byte[]> view = partition;
                if (from != null) {
                    view = view.tailMap(from, true);
                }
                if (to != null) {
                    view = view.headMap(to, true);
                }
                view.forEach((k, v) -> all.add(KeyValue.pair(k, v)));
            }
            return iterator(all);
        }

        @Override
        public KeyValueIterator<Bytes, byte[]> all() {
            return range(null, null);
        }

        @Override
        public long approximateNumEntries() {
            return partitions.stream().mapToLong(NavigableMap::size).sum();
        }

        private static KeyValueIterator<Bytes, byte[]> iterator(List<KeyValue<Bytes, byte[]>> entries) {
            Iterator<KeyValue<Bytes, byte[]>> it = entries.iterator();
            return new KeyValueIterator<>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public KeyValue<Bytes, byte[]> next() {
                    return it.next();
                }

                @Override
                public void close() {
                }

                @Override
                public Bytes peekNextKey() {
                    throw new UnsupportedOperationException();
                }
            };
        }
    }
}
