package org.rpmsync.web;

import java.net.SocketTimeoutException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * What an error answer is, decided in one place for the error controller, the request text filter and the
 * Tomcat valve: machine paths ({@code /api/**}, {@code /webhooks/**}) get problem+json with a stable {@code code},
 * pages get the app's own page; a database that is down or stalled is 503 with Retry-After, never 500.
 */
public final class ErrorAnswers {

    /** Seconds a client should wait before retrying when the database is unavailable. */
    public static final String RETRY_AFTER_SECONDS = "2";
    /** A request attribute holding a readable reason for a 4xx, shown on the page or in the problem's detail. */
    public static final String REASON = ErrorAnswers.class.getName() + ".reason";

    private ErrorAnswers() {
    }

    public static boolean machinePath(String uri) {
        return uri == null || uri.equals("/api") || uri.startsWith("/api/") || uri.equals("/webhooks")
                || uri.startsWith("/webhooks/");
    }

    /** The stable code of a status. */
    public static String code(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 408 -> "request_timeout";
            case 413 -> "payload_too_large";
            case 414 -> "uri_too_long";
            case 415 -> "unsupported_media_type";
            case 422 -> "invalid_input";
            case 429 -> "rate_limited";
            case 431 -> "headers_too_large";
            case 503 -> "unavailable";
            default -> status >= 500 ? "internal_error" : "bad_request";
        };
    }

    /** A human detail for a status when nothing more precise is known. */
    public static String detail(int status) {
        return switch (status) {
            case 400 -> "The request could not be read.";
            case 401 -> "Send a valid API token as 'Authorization: Bearer <token>'.";
            case 403 -> "This is not allowed with these credentials.";
            case 404 -> "Nothing is here.";
            case 405 -> "This method is not allowed here.";
            case 406 -> "Answers here are application/json (errors application/problem+json).";
            case 413 -> "The request body is too large.";
            case 414 -> "The request line is too long.";
            case 415 -> "Send application/json.";
            case 503 -> "The service is unavailable for a moment. Please retry.";
            default -> status >= 500 ? "Something went wrong on our side. It has been logged." : "The request was refused.";
        };
    }

    /** Whether {@code failure} (or a cause) says the database is down or did not answer in time. */
    public static boolean databaseUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TransientDataAccessException || t instanceof DataAccessResourceFailureException
                    || t instanceof RecoverableDataAccessException || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof SocketTimeoutException) {
                return true;
            }
            // A rollback that fails (the connection died under a timeout) hides the original failure.
            if (t instanceof TransactionSystemException tse
                    && (tse.getApplicationException() == null || databaseUnavailable(tse.getApplicationException()))) {
                return true;
            }
        }
        return false;
    }

    /** An RFC 9457 body, written by hand so that it can be produced where no message converter runs. */
    public static String problemJson(int status, String code, String detail) {
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        return "{\"type\":\"urn:rpmsync:problem:" + code + "\",\"title\":\"" + json(title) + "\",\"status\":" + status
                + ",\"detail\":\"" + json(detail) + "\",\"code\":\"" + code + "\"}";
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029 || Character.isSurrogate(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
