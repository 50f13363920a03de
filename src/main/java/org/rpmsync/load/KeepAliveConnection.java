package org.rpmsync.load;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;

/**
 * One blocking HTTP/1.1 keep-alive connection over a plain socket, for one sender thread: it writes a request that is
 * already whole bytes in one write and reads the answer with {@link AnswerReader} (status and framing only). It
 * connects on first use and again after the server closed it, after an error, or after {@link #IDLE_NANOS} unused
 * (before a server's keep-alive timeout). Not {@code java.net.http.HttpClient}: a client per connection costs a
 * selector thread and far more CPU per request than the receiver under test (BENCHMARKS.md, issue 16).
 */
final class KeepAliveConnection implements AutoCloseable {

    static final long IDLE_NANOS = 5_000_000_000L;

    private final InetSocketAddress address;
    private final int connectMillis;
    private final int readMillis;
    private final AnswerReader answers = new AnswerReader();
    private Socket socket;
    private OutputStream out;
    private long lastUsed;
    private int opened;

    KeepAliveConnection(URI url, int connectMillis, int readMillis) {
        this.address = new InetSocketAddress(url.getHost(), url.getPort() < 0 ? 80 : url.getPort());
        this.connectMillis = connectMillis;
        this.readMillis = readMillis;
    }

    /** Sends one request and returns the answer's status once its body has been read. */
    int exchange(byte[] request) throws IOException {
        try {
            if (socket == null || System.nanoTime() - lastUsed > IDLE_NANOS) {
                open();
            }
            out.write(request);
            int status = answers.read();
            lastUsed = System.nanoTime();
            if (!answers.keepAlive()) {
                close();
            }
            return status;
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** How many times this connection was opened (reconnects included). */
    int opened() {
        return opened;
    }

    private void open() throws IOException {
        close();
        var fresh = new Socket();
        fresh.setTcpNoDelay(true);
        fresh.setSoTimeout(readMillis);
        fresh.connect(address, connectMillis);
        socket = fresh;
        out = fresh.getOutputStream();
        answers.from(fresh.getInputStream());
        opened++;
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // a socket we no longer use
            }
        }
        socket = null;
    }
}
