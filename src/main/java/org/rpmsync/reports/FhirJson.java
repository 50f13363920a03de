package org.rpmsync.reports;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;

/** The FHIR R4 context and JSON parser of the export. */
final class FhirJson {

    private static final FhirContext FHIR = FhirContext.forR4();

    static {
        // Every reference points at a Bundle entry, so there is nothing to contain: skipping the search for
        // contained targets halves the encoding of a large Bundle.
        FHIR.getParserOptions().setAutoContainReferenceTargetsWithNoId(false);
    }

    private FhirJson() {
    }

    static IParser parser() {
        return FHIR.newJsonParser().setOverrideResourceIdWithBundleEntryFullUrl(false);
    }
}
