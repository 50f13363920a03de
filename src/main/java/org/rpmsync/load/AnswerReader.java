package org.rpmsync.load;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads HTTP/1.1 answers off one connection's input through its own buffer: the status line, and of the headers only
 * those that frame the answer (Content-Length, Transfer-Encoding: chunked, Connection: close); the body is skipped.
 * No header map, no strings but for those three values.
 */
final class AnswerReader {

    private final byte[] buffer = new byte[8192];
    private InputStream in;
    private int position;
    private int limit;
    private boolean keepAlive;

    /** Reads from a new connection's input from now on. */
    void from(InputStream input) {
        in = input;
        position = limit = 0;
    }

    /** Reads one whole answer and returns its status. */
    int read() throws IOException {
        int end = line();
        if (end - position < 12 || !startsWith(end, "http/1.1 ")) {
            throw new ProtocolException("not an HTTP/1.1 status line");
        }
        int status = Integer.parseInt(new String(buffer, position + 9, 3, StandardCharsets.ISO_8859_1));
        position = end + 2;
        keepAlive = true;
        long length = -1;
        boolean chunked = false;
        for (end = line(); end > position; end = line()) {
            if (startsWith(end, "content-length:")) {
                length = Long.parseLong(value(end));
            } else if (startsWith(end, "transfer-encoding:")) {
                chunked = value(end).toLowerCase(Locale.ROOT).contains("chunked");
            } else if (startsWith(end, "connection:")) {
                keepAlive = !value(end).toLowerCase(Locale.ROOT).contains("close");
            }
            position = end + 2;
        }
        position += 2;
        if (chunked) {
            skipChunks();
        } else if (length >= 0) {
            skip(length);
        } else if (status != 204 && status != 304) {
            throw new ProtocolException("an answer without Content-Length or chunks");
        }
        return status;
    }

    /** Whether the connection stays open after the answer just read. */
    boolean keepAlive() {
        return keepAlive;
    }

    private void skipChunks() throws IOException {
        while (true) {
            int end = line();
            var size = new String(buffer, position, end - position, StandardCharsets.ISO_8859_1).split(";", 2)[0];
            position = end + 2;
            long length = Long.parseLong(size.trim(), 16);
            if (length == 0) {
                for (end = line(); end > position; end = line()) {
                    position = end + 2; // trailers
                }
                position += 2;
                return;
            }
            skip(length + 2);
        }
    }

    /** Index of the CR of the CRLF that ends the line at {@code position}, reading more as needed. */
    private int line() throws IOException {
        for (int from = position; ; ) {
            for (int i = from; i + 1 < limit; i++) {
                if (buffer[i] == '\r' && buffer[i + 1] == '\n') {
                    return i;
                }
            }
            from = Math.max(position, limit - 1) - position;
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
            if (limit == buffer.length) {
                throw new ProtocolException("a header line longer than " + buffer.length + " bytes");
            }
            fill();
        }
    }

    private void skip(long bytes) throws IOException {
        while (bytes > limit - position) {
            bytes -= limit - position;
            position = limit = 0;
            fill();
        }
        position += (int) bytes;
    }

    private void fill() throws IOException {
        int read = in.read(buffer, limit, buffer.length - limit);
        if (read < 0) {
            throw new EOFException("connection closed by the server");
        }
        limit += read;
    }

    /** Whether the line at {@code position} starts with {@code prefix} (lower case), ignoring case. */
    private boolean startsWith(int end, String prefix) {
        if (end - position < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (Character.toLowerCase((char) buffer[position + i]) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private String value(int end) {
        int colon = position;
        while (buffer[colon] != ':') {
            colon++;
        }
        return new String(buffer, colon + 1, end - colon - 1, StandardCharsets.ISO_8859_1).trim();
    }
}
