package org.rpmsync.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's error report for what never reaches the application (an encoded slash, a request line or headers too
 * large, a URI that does not parse): problem+json with a stable code on machine paths — and when the path is not
 * known at all — and a plain page in the app's words elsewhere. Never Tomcat's own HTML, never server details.
 */
public class MachineErrorValve extends ErrorReportValve {

    public MachineErrorValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String uri = null;
        try {
            uri = request.getDecodedRequestURI();
            if (uri == null || uri.isEmpty()) {
                uri = request.getRequestURI();
            }
        } catch (RuntimeException e) {
            // the request line did not parse: the path is unknown
        }
        try {
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            String body;
            if (ErrorAnswers.machinePath(uri == null || uri.isEmpty() ? null : uri)) {
                response.setContentType("application/problem+json");
                body = ErrorAnswers.problemJson(status, ErrorAnswers.code(status), ErrorAnswers.detail(status));
            } else {
                response.setContentType("text/html");
                body = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>RPM Sync</title>"
                        + "<link rel=\"stylesheet\" href=\"/assets/css/app.css\"></head><body><main><div class=\"card narrow\">"
                        + "<h1>We couldn't handle that request</h1><p>" + ErrorAnswers.detail(status)
                        + "</p><p><a href=\"/\">Back to the start page</a></p></div></main></body></html>";
            }
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response cannot be written: nothing more to do
        }
    }
}
