package io.financing.eventstore;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Specifications of aggregates in their own terms, with no store: given past events, when a command,
 * then new events, or a rejection.
 * <pre>
 * given(Account::new, new AccountOpened("ann"), new MoneyDeposited(100))
 *     .when(account -> account.withdraw(30))
 *     .then(new MoneyWithdrawn(30));
 * </pre>
 */
public final class AggregateFixture<A extends Aggregate<E, ?>, E> {

    /** The id of every aggregate a fixture builds. */
    public static final UUID ID = UUID.fromString("00000000-0000-4000-8000-00000000f1f1");

    private final A aggregate;

    private AggregateFixture(A aggregate) {
        this.aggregate = aggregate;
    }

    @SafeVarargs
    public static <A extends Aggregate<E, ?>, E> AggregateFixture<A, E> given(Function<UUID, A> newAggregate,
                                                                          E... history) {
        A aggregate = newAggregate.apply(ID);
        for (int i = 0; i < history.length; i++) {
            aggregate.replay(history[i], i + 1);
        }
        return new AggregateFixture<>(aggregate);
    }

    public Outcome<A, E> when(Consumer<A> command) {
        try {
            command.accept(aggregate);
            return new Outcome<>(aggregate, null);
        } catch (RuntimeException rejection) {
            return new Outcome<>(aggregate, rejection);
        }
    }

    public static final class Outcome<A extends Aggregate<E, ?>, E> {

        private final A aggregate;
        private final RuntimeException rejection;

        private Outcome(A aggregate, RuntimeException rejection) {
            this.aggregate = aggregate;
            this.rejection = rejection;
        }

        /** The command recorded exactly these events, in this order; returns the aggregate after them. */
        @SafeVarargs
        public final A then(E... expected) {
            if (rejection != null) {
                throw new AssertionError("Expected events " + Arrays.toString(expected) + " but the command failed: "
                        + rejection, rejection);
            }
            List<E> actual = aggregate.changes();
            if (!actual.equals(List.of(expected))) {
                throw new AssertionError("Expected events " + Arrays.toString(expected) + " but got " + actual);
            }
            return aggregate;
        }

        /** The command was refused with this exception, and recorded nothing; returns the exception. */
        public <X extends RuntimeException> X thenRejected(Class<X> type) {
            if (!type.isInstance(rejection)) {
                throw new AssertionError("Expected " + type.getSimpleName() + " but "
                        + (rejection == null ? "the command recorded " + aggregate.changes() : "got " + rejection),
                        rejection);
            }
            if (!aggregate.changes().isEmpty()) {
                throw new AssertionError("A rejected command recorded " + aggregate.changes());
            }
            return type.cast(rejection);
        }
    }
}
