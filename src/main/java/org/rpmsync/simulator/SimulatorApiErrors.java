package org.rpmsync.simulator;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * DRF-style error bodies for the fake Tenovi's own exceptions, thrown only by its controllers: the HWI API's here and
 * the {@code simulation} module's control API.
 */
@ConditionalOnSimulator
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice
class SimulatorApiErrors {

    @ExceptionHandler(NotFound.class)
    ResponseEntity<Map<String, String>> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("detail", "Not found."));
    }

    @ExceptionHandler(InvalidField.class)
    ResponseEntity<Map<String, List<String>>> invalid(InvalidField e) {
        return ResponseEntity.badRequest().body(Map.of(e.field, List.of(e.getMessage())));
    }
}
