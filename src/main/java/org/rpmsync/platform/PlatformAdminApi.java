package org.rpmsync.platform;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rpmsync.organization.Actor;
import org.rpmsync.organization.ApiTokens;
import org.rpmsync.organization.IssuedToken;
import org.rpmsync.organization.NewStaff;
import org.rpmsync.organization.Organization;
import org.rpmsync.organization.OrganizationDirectory;
import org.rpmsync.organization.OrganizationException;
import org.rpmsync.organization.Role;
import org.rpmsync.organization.StaffAccounts;
import org.rpmsync.organization.StaffMember;
import org.rpmsync.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Platform administration for a platform token (spec §2). */
@RestController
@RequestMapping("/api/v1/admin/organizations")
class PlatformAdminApi {

    private final OrganizationDirectory organizations;
    private final StaffAccounts staff;
    private final ApiTokens tokens;

    PlatformAdminApi(OrganizationDirectory organizations, StaffAccounts staff, ApiTokens tokens) {
        this.organizations = organizations;
        this.staff = staff;
        this.tokens = tokens;
    }

    record OrganizationRequest(String name, String slug) {
    }

    record OrganizationResponse(UUID id, String name, String slug, Map<String, Boolean> features) {
        static OrganizationResponse of(Organization o) {
            return new OrganizationResponse(o.id().value(), o.name(), o.slug(), Map.of("tenovi", o.tenoviEnabled()));
        }
    }

    record FeatureRequest(Boolean enabled) {
    }

    record TokenRequest(String name) {
    }

    record TokenResponse(UUID id, String name, String token) {
    }

    record StaffRequest(String email, String name, String role, String password) {
    }

    record StaffResponse(UUID id, String email, String name, String role, String temporaryPassword) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    OrganizationResponse create(@AuthenticationPrincipal Actor actor, @RequestBody OrganizationRequest request) {
        return OrganizationResponse.of(organizations.create(actor, request.name(), request.slug()));
    }

    @GetMapping
    List<OrganizationResponse> list() {
        return organizations.all().stream().map(OrganizationResponse::of).toList();
    }

    @PutMapping("/{slug}/features/tenovi")
    OrganizationResponse switchTenovi(@AuthenticationPrincipal Actor actor, @PathVariable String slug,
                                      @RequestBody FeatureRequest request) {
        if (request.enabled() == null) {
            throw ApiProblem.invalid("enabled", "must be true or false");
        }
        return organizations.switchTenovi(actor, slug, request.enabled()).map(OrganizationResponse::of)
                .orElseThrow(() -> ApiProblem.notFound("Organization"));
    }

    @PostMapping("/{slug}/api-tokens")
    @ResponseStatus(HttpStatus.CREATED)
    TokenResponse issueToken(@AuthenticationPrincipal Actor actor, @PathVariable String slug,
                             @RequestBody TokenRequest request) {
        Organization organization = organizations.findBySlug(slug).orElseThrow(() -> ApiProblem.notFound("Organization"));
        IssuedToken issued = tokens.issue(actor, organization.id(), request.name());
        return new TokenResponse(issued.token().id(), issued.token().name(), issued.secret());
    }

    @PostMapping("/{slug}/staff")
    @ResponseStatus(HttpStatus.CREATED)
    StaffResponse addStaff(@AuthenticationPrincipal Actor actor, @PathVariable String slug,
                           @RequestBody StaffRequest request) {
        Organization organization = organizations.findBySlug(slug).orElseThrow(() -> ApiProblem.notFound("Organization"));
        Role role = Role.inOrganization(request.role());
        boolean generated = request.password() == null || request.password().isEmpty();
        String password = generated ? StaffAccounts.generatePassword() : request.password();
        StaffMember member = staff.add(actor, organization.id(), new NewStaff(request.email(), request.name(), role, password));
        return new StaffResponse(member.id(), member.email(), member.name(), member.role().name(),
                generated ? password : null);
    }

    @ExceptionHandler(OrganizationException.class)
    ResponseEntity<ProblemDetail> rejected(OrganizationException e) {
        return e.problem().response();
    }
}
