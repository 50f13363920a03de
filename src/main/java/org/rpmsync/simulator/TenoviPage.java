package org.rpmsync.simulator;

import java.util.List;

/** Django REST Framework's page envelope, used when the client passes {@code page}. */
record TenoviPage<T>(long count, String next, String previous, List<T> results) {
}
