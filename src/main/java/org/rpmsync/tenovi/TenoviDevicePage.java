package org.rpmsync.tenovi;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** One page of {@code hwi/hwi-devices/?page=N} (DRF envelope, reference §2.8); {@code next} is followed verbatim. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TenoviDevicePage(int count, String next, String previous, List<TenoviDevice> results) {

    public TenoviDevicePage {
        results = results == null ? List.of() : List.copyOf(results);
    }
}
