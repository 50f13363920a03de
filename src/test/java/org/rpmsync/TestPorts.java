package org.rpmsync;

import java.io.IOException;
import java.net.ServerSocket;

/**
 * The ports of this test JVM, chosen once: the app of {@link RealServerTest} contexts and the programmable fake
 * Tenovi that {@link RpmSyncTest} contexts call.
 */
public final class TestPorts {

    /** Where {@link RealServerTest}'s app listens (and its simulator answers as Tenovi). */
    public static final int APP = free();
    /** Where the fake Tenovi of {@link RpmSyncTest} contexts listens (tenovi's {@code FakeTenovi}). */
    public static final int FAKE_TENOVI = free();

    private TestPorts() {
    }

    /** A port nothing listens on right now. */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
