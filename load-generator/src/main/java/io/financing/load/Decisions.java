package io.financing.load;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * With {@code --decisions}, the issuers decide on every invoice as soon as it is financed, approving
 * one and reversing the next, while the bids go on: the load then mixes all four commands, and every
 * step of the saga runs, its compensations included.
 */
final class Decisions implements AutoCloseable {

    /** The invoice each decision command was about, by command id. */
    final Map<String, String> sent = new ConcurrentHashMap<>();
    final Commands commands;

    private final BlockingQueue<String> financed = new LinkedBlockingQueue<>();
    private final Thread thread = new Thread(this::decide, "decisions");
    private volatile boolean running = true;
    private long decided;

    Decisions(Commands commands) {
        this.commands = commands;
        thread.setDaemon(true);
        thread.start();
    }

    /** Told by the bus of each invoice financed. */
    void financed(String invoice) {
        financed.add(invoice);
    }

    private void decide() {
        try {
            while (running || !financed.isEmpty()) {
                String invoice = financed.poll(50, TimeUnit.MILLISECONDS);
                if (invoice != null) {
                    String command = UUID.randomUUID().toString();
                    sent.put(command, invoice);
                    commands.awaitSlot();
                    commands.decide(command, UUID.fromString(invoice), decided++ % 2 == 0);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether every decision the listener accepted shows on the bus. */
    boolean settled(Bus bus) {
        return commands.accepted.keySet().stream().allMatch(command -> bus.decisions.containsKey(sent.get(command)));
    }

    /** Decides on what was financed so far, and waits until the listener answered each decision. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join();
        commands.drain();
    }
}
