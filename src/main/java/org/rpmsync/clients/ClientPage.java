package org.rpmsync.clients;

import java.util.List;

/** One page of a client search; {@code page} is 0-based, {@code total} counts every match. */
public record ClientPage(List<Client> items, int page, int size, long total) {

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }
}
