package io.financing.load;

import java.util.function.Supplier;

/** Progress on standard error: each phase as it starts, and a line every two seconds within it. */
final class Progress {

    private static final long EVERY_NANOS = 2_000_000_000L;

    private final long start = System.nanoTime();
    private long last = System.nanoTime();

    void phase(String what) {
        print(what);
    }

    void every(Supplier<String> line) {
        if (System.nanoTime() - last >= EVERY_NANOS) {
            print("  " + line.get());
        }
    }

    private void print(String line) {
        last = System.nanoTime();
        System.err.printf("[%6.1f s] %s%n", (last - start) / 1e9, line);
    }
}
