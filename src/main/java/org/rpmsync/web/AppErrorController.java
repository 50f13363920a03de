package org.rpmsync.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every error the servlet container forwards to {@code /error} (no handler, wrong method, an exception that no
 * advice handled, a filter's refusal): problem+json with a stable code under {@code /api/**} and
 * {@code /webhooks/**} whatever the Accept header, the app's own page elsewhere. Replaces Boot's default.
 */
@Controller
class AppErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(AppErrorController.class);

    @RequestMapping("/error")
    ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws java.io.IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer s ? s : 500;
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (failure != null && ErrorAnswers.databaseUnavailable(failure)) {
            status = 503;
        } else if (failure != null && status >= 500) {
            log.error("Unhandled error on {}", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), failure);
        }
        if (status == 503) {
            response.setHeader(HttpHeaders.RETRY_AFTER, ErrorAnswers.RETRY_AFTER_SECONDS);
        }
        Object reason = request.getAttribute(ErrorAnswers.REASON);
        String detail = reason != null ? reason.toString() : ErrorAnswers.detail(status);
        response.setStatus(status);
        if (ErrorAnswers.machinePath((String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI))) {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(ErrorAnswers.problemJson(status, ErrorAnswers.code(status), detail));
            return null;
        }
        String view = switch (status) {
            case 403 -> "error/403";
            case 404 -> "error/404";
            case 503 -> "error/503";
            default -> status >= 500 ? "error/5xx" : "error/4xx";
        };
        ModelAndView page = new ModelAndView(view);
        page.addObject("reason", detail);
        page.setStatus(org.springframework.http.HttpStatusCode.valueOf(status));
        return page;
    }
}
