package org.rpmsync.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * The {@link StorableText} rule for every string of a JSON request body bound by Spring (the REST API): a string
 * that cannot be stored fails binding at its field, which the API answers as 422 {@code invalid_input} naming it.
 */
class StorableStrings extends SimpleModule {

    StorableStrings() {
        super("storable-strings");
        addDeserializer(String.class, new Checked());
    }

    static final class Checked extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String value = super.deserialize(parser, context);
            String problem = StorableText.problem(value);
            if (problem != null) {
                throw InvalidFormatException.from(parser, problem, StorableText.escaped(value), String.class);
            }
            return value;
        }
    }
}
