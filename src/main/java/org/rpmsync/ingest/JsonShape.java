package org.rpmsync.ingest;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/** Whether a body is one well-formed JSON object or array and nothing else, checked by streaming (no tree). */
final class JsonShape {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonShape() {
    }

    static boolean objectOrArray(String body) {
        try (JsonParser parser = JSON.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT && first != JsonToken.START_ARRAY) {
                return false;
            }
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (JacksonException e) {
            return false;
        }
    }
}
