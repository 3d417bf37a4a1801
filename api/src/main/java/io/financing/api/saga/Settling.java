package io.financing.api.saga;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * When a command is settled: its outcome is known, every event it produced is there, and no event it caused,
 * directly or through the saga, still calls for a step ({@link SagaStep}) that has not been taken. So a rejected
 * command is settled at once; SellInvoice after InvoiceCreated; BidOnInvoice after the invoice decided and the
 * release the decision calls for, if any; ApproveFinancing after InvestorFundsCommitted; ReverseFinancing after
 * the release of the reversal.
 */
public final class Settling {

    private Settling() {
    }

    /**
     * An event a command caused, as far as settling goes.
     *
     * @param causationId  the message that directly caused it: the command, or the event whose step it was
     * @param callsForStep whether {@link SagaStep#after} has a step for it
     */
    public record Caused(UUID eventId, UUID causationId, boolean callsForStep) {
    }

    /**
     * @param produced the events the command produced itself (none if rejected), or empty while its outcome is
     *                 unknown
     * @param caused   the events it caused so far, its own among them
     */
    public static boolean settled(Optional<List<UUID>> produced, Collection<Caused> caused) {
        if (produced.isEmpty()) {
            return false;
        }
        Set<UUID> there = caused.stream().map(Caused::eventId).collect(Collectors.toSet());
        Set<UUID> stepsTaken = caused.stream().map(Caused::causationId).collect(Collectors.toSet());
        return there.containsAll(produced.get())
                && caused.stream().filter(Caused::callsForStep).map(Caused::eventId).allMatch(stepsTaken::contains);
    }
}
