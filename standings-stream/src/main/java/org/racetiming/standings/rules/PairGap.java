package org.racetiming.standings.rules;

import org.racetiming.output.Gap;

/** The gap between two cars: {@code behind} is {@code gap} behind {@code ahead} (null when there is none to give). */
public record PairGap(String ahead, String behind, Gap gap) {
}
