package org.rpmsync.measurements;

import java.time.Instant;
import java.util.Set;

/**
 * Which of a client's readings to read: the types (empty = all), measured in [{@code from}, {@code to}) (either
 * may be null = unbounded).
 */
public record ReadingFilter(Set<ReadingType> types, Instant from, Instant to) {

    public ReadingFilter {
        types = types == null ? Set.of() : Set.copyOf(types);
    }

    public static ReadingFilter all() {
        return new ReadingFilter(Set.of(), null, null);
    }
}
