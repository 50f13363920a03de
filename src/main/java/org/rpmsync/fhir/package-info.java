/**
 * The FHIR R4 export ({@code /api/v1/users/{id}/fhir}, docs/fhir.md): a client's readings as Observations, its
 * devices and its adherence dose by dose, streamed as one Bundle ({@code FhirJson}, Jackson's streaming generator)
 * with its codes in one place ({@code FhirCodes}). Reads its parameters as the data API does
 * ({@code dataapi.ApiParameters}). Audited as a view and an export.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"dataapi", "adherence", "measurements", "clients", "organization", "audit", "web"})
package org.rpmsync.fhir;
