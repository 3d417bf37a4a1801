package io.financing.load;

import java.util.ArrayList;
import java.util.List;

/** The bids of a run: their command ids, in the order sent, and when the bidding started and ended. */
final class Bids {

    private final long start;
    private final List<String> commands = new ArrayList<>();
    private long end;

    Bids(long start) {
        this.start = start;
    }

    long start() {
        return start;
    }

    long end() {
        return end;
    }

    void finished(long end) {
        this.end = end;
    }

    List<String> commands() {
        return commands;
    }

    double seconds() {
        return (end - start) / 1e9;
    }

    String sentLine(Commands sent) {
        double elapsed = (System.nanoTime() - start) / 1e9;
        return String.format("bids sent %,d, accepted %,d (%,.0f/s), refused %,d", commands.size(),
                sent.accepted.size(), sent.accepted.size() / Math.max(elapsed, 1e-9), sent.refused.get());
    }

    String settledLine(Bus bus, Commands sent) {
        long settled = commands.stream().filter(id -> bus.settledAt(id) != null).count();
        return String.format("bids settled %,d of %,d accepted", settled, sent.accepted.size());
    }
}
