package org.rpmsync.fhir;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.rpmsync.fhir.FhirCodes.Code;
import org.rpmsync.measurements.Units;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonFactory;

/**
 * FHIR R4 JSON written as it goes (Jackson's streaming generator): the few datatypes the export uses, each
 * written the way the FHIR JSON format defines it. Empty values are left out, as FHIR requires.
 */
final class FhirJson implements AutoCloseable {

    private static final JsonFactory FACTORY = new JsonFactory();
    /** A dateTime to the second in its own offset (a zero offset as {@code +00:00}). */
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");
    /** An instant in UTC, to the millisecond. */
    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSxxx")
            .withZone(ZoneOffset.UTC);

    private final JsonGenerator json;

    FhirJson(OutputStream out) {
        this.json = FACTORY.createGenerator(out);
    }

    /** Starts a Bundle entry: its {@code urn:uuid:} fullUrl and the resource of the same id. */
    FhirJson entry(UUID id, String resourceType) {
        return object().string("fullUrl", FhirBundle.url(id)).object("resource")
                .string("resourceType", resourceType).string("id", id.toString());
    }

    /** Ends the resource and its entry. */
    void endEntry() {
        end().end();
    }

    FhirJson object(String name) {
        json.writeObjectPropertyStart(name);
        return this;
    }

    /** Starts an object inside an array. */
    FhirJson object() {
        json.writeStartObject();
        return this;
    }

    FhirJson array(String name) {
        json.writeArrayPropertyStart(name);
        return this;
    }

    FhirJson end() {
        json.writeEndObject();
        return this;
    }

    FhirJson endArray() {
        json.writeEndArray();
        return this;
    }

    /** A string element, left out when blank. */
    FhirJson string(String name, String value) {
        if (value != null && !value.isBlank()) {
            json.writeStringProperty(name, value);
        }
        return this;
    }

    /** A string inside an array. */
    FhirJson value(String value) {
        json.writeString(value);
        return this;
    }

    FhirJson integer(String name, long value) {
        json.writeNumberProperty(name, value);
        return this;
    }

    FhirJson dateTime(String name, ZonedDateTime value) {
        return string(name, DATE_TIME.format(value));
    }

    FhirJson instant(String name, Instant value) {
        return string(name, INSTANT.format(value));
    }

    /** A CodeableConcept of the codes (in that order) and the text (left out when null). */
    FhirJson concept(String name, String text, Code... codes) {
        json.writeName(name);
        codeable(text, codes);
        return this;
    }

    /** An array of one CodeableConcept (e.g. {@code category}). */
    FhirJson concepts(String name, Code code) {
        array(name);
        codeable(null, code);
        return endArray();
    }

    private void codeable(String text, Code... codes) {
        object().array("coding");
        for (Code code : codes) {
            object().string("system", code.system()).string("code", code.code()).string("display", code.display()).end();
        }
        endArray().string("text", text).end();
    }

    FhirJson reference(String name, String url) {
        return object(name).string("reference", url).end();
    }

    /** An array of references to Bundle entries, left out when empty. */
    FhirJson references(String name, List<UUID> ids) {
        return list(name, ids, id -> json.writeStringProperty("reference", FhirBundle.url(id)));
    }

    /** A Quantity; the unit as a UCUM code when there is one. */
    FhirJson quantity(String name, BigDecimal value, String ucum) {
        object(name);
        json.writeName("value");
        json.writeNumber(value.toPlainString());
        if (ucum != null && !ucum.isBlank()) {
            string("unit", Units.human(ucum)).string("system", FhirCodes.UCUM).string("code", ucum);
        }
        return end();
    }

    /** {@code note}: one annotation per text, left out when there is none. */
    FhirJson notes(List<String> texts) {
        return list("note", texts, text -> json.writeStringProperty("text", text));
    }

    /** An array of one object per item, left out when there are none. */
    private <T> FhirJson list(String name, List<T> items, Consumer<T> item) {
        if (!items.isEmpty()) {
            array(name);
            for (T t : items) {
                object();
                item.accept(t);
                end();
            }
            endArray();
        }
        return this;
    }

    /** Starts a component (inside a {@code component} array) with its code; the caller writes the value and ends it. */
    FhirJson component(Code code) {
        return object().concept("code", null, code);
    }

    /** Flushes what was written and closes the stream. */
    @Override
    public void close() {
        json.close();
    }
}
