package org.rpmsync.simulator;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Django REST Framework's page envelope, used when the client passes {@code page}. */
@JsonInclude(JsonInclude.Include.ALWAYS)
record TenoviPage<T>(long count, String next, String previous, List<T> results) {
}
