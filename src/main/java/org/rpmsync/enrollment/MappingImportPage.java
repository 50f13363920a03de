package org.rpmsync.enrollment;

import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.rpmsync.organization.Actor;
import org.rpmsync.web.ApiProblem;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * Organization Settings &gt; Integrations &gt; Tenovi mapping file (org admins): upload, preview per row, apply,
 * download the result. Between the steps the parsed rows and then the result live in the staff member's session,
 * tagged with the organization, never in a URL.
 */
@Controller
@RequestMapping("/settings/integrations/tenovi/mapping")
class MappingImportPage {

    private static final String VIEW = "enrollment/mapping";
    private static final String UPLOAD = "tenoviMappingUpload";
    private static final String RESULT = "tenoviMappingResult";

    private final MappingImport mappingImport;

    MappingImportPage(MappingImport mappingImport) {
        this.mappingImport = mappingImport;
    }

    record Upload(UUID organization, String fileName, List<MappingCsv.Row> rows) implements Serializable {
    }

    record Result(UUID organization, String csv) implements Serializable {
    }

    @GetMapping
    String form() {
        return VIEW;
    }

    @PostMapping
    String preview(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) MultipartFile file,
                   @RequestParam(required = false) String text, HttpSession session, Model model) throws IOException {
        String name = file == null || file.isEmpty() ? "pasted text" : file.getOriginalFilename();
        try {
            String csv = content(file, text);
            List<MappingCsv.Row> rows = MappingCsv.parse(csv);
            List<MappingPlan> plans = mappingImport.preview(actor, rows);
            session.setAttribute(UPLOAD, new Upload(actor.organizationId().value(), name, List.copyOf(rows)));
            model.addAttribute("plans", plans);
            model.addAttribute("fileName", name);
            model.addAttribute("changing", plans.stream().filter(MappingPlan::changes).count());
            model.addAttribute("problems", plans.stream().filter(MappingPlan::problems).count());
        } catch (MappingCsv.Refused | ApiProblem e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("text", text);
        }
        return VIEW;
    }

    @PostMapping("/apply")
    String apply(@AuthenticationPrincipal Actor actor, HttpSession session, Model model) {
        Object stored = session.getAttribute(UPLOAD);
        if (!(stored instanceof Upload upload) || !upload.organization().equals(actor.organizationId().value())) {
            model.addAttribute("error", "Nothing to apply: upload the file again.");
            return VIEW;
        }
        try {
            List<MappingImport.Outcome> outcomes = mappingImport.apply(actor, upload.rows());
            session.removeAttribute(UPLOAD);
            session.setAttribute(RESULT, new Result(actor.organizationId().value(), MappingResultCsv.write(outcomes)));
            model.addAttribute("outcomes", outcomes);
            model.addAttribute("fileName", upload.fileName());
        } catch (ApiProblem e) {
            model.addAttribute("error", e.getMessage());
        }
        return VIEW;
    }

    @GetMapping("/result.csv")
    ResponseEntity<byte[]> result(@AuthenticationPrincipal Actor actor, HttpSession session) {
        Object stored = session.getAttribute(RESULT);
        if (!(stored instanceof Result result) || !result.organization().equals(actor.organizationId().value())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("tenovi-mapping-result.csv").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(result.csv().getBytes(StandardCharsets.UTF_8));
    }

    private static String content(MultipartFile file, String text) throws IOException {
        if (file != null && !file.isEmpty()) {
            if (file.getSize() > MappingCsv.MAX_BYTES) {
                throw new MappingCsv.Refused("The file is larger than 1 MiB. Split it into smaller files.");
            }
            return new String(file.getBytes(), StandardCharsets.UTF_8);
        }
        if (text != null && text.getBytes(StandardCharsets.UTF_8).length > MappingCsv.MAX_BYTES) {
            throw new MappingCsv.Refused("The text is larger than 1 MiB. Split it into smaller parts.");
        }
        return text;
    }
}
