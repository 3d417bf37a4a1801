package io.financing.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Finds free TCP ports and refuses taken ones before anything starts. */
public final class Ports {

    private Ports() {
    }

    /** A port free right now; tests take these so they never collide with a running system. */
    public static int free() {
        try (var socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port", e);
        }
    }

    /** Fails fast, naming the port and what wanted it, if anything listens on it already. */
    public static void requireFree(int port, String what) {
        try (var socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
        } catch (IOException e) {
            throw new PortTakenException(port, what);
        }
    }

    public static final class PortTakenException extends RuntimeException {
        PortTakenException(int port, String what) {
            super("Port " + port + " (" + what + ") is already in use: stop what holds it, or choose another port");
        }
    }
}
