package org.rpmsync.web;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A page whose database is down or stalled answers the app's 503 page with Retry-After, never a 500. (REST
 * controllers get the same as problem+json from {@link ApiProblemAdvice}, which runs first; failures outside
 * controllers reach {@link AppErrorController}.)
 */
@Order(1)
@ControllerAdvice
class UnavailablePages {

    private static final Logger log = LoggerFactory.getLogger(UnavailablePages.class);

    @ExceptionHandler({DataAccessException.class, TransactionException.class})
    ModelAndView unavailable(RuntimeException e, HttpServletResponse response) {
        if (!ErrorAnswers.databaseUnavailable(e)) {
            throw e;
        }
        log.warn("The database did not answer a page in time ({})", e.getClass().getSimpleName());
        response.setHeader(HttpHeaders.RETRY_AFTER, ErrorAnswers.RETRY_AFTER_SECONDS);
        ModelAndView page = new ModelAndView("error/503");
        page.setStatus(HttpStatus.SERVICE_UNAVAILABLE);
        return page;
    }
}
