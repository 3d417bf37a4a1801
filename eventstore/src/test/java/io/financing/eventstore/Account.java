package io.financing.eventstore;

import java.util.Map;
import java.util.UUID;

/** A tiny aggregate that exercises the library: an account that must never go below zero. */
final class Account extends Aggregate<Account.Event, Account.State> {

    sealed interface Event permits Opened, Deposited, Withdrawn {
    }

    record Opened(String owner) implements Event {
    }

    record Deposited(long amount) implements Event {
    }

    record Withdrawn(long amount) implements Event {
    }

    record State(String owner, long balance) {

        static final State NEW = new State(null, 0);
    }

    static final class InsufficientFunds extends RuntimeException {
        InsufficientFunds(long balance, long amount) {
            super("Balance is " + balance + ", cannot withdraw " + amount);
        }
    }

    static final AggregateType<Account, Event, State> TYPE = AggregateType.of("Account", Account::new,
            EventTypes.<Event>of(Map.of("AccountOpened", Opened.class, "MoneyDeposited", Deposited.class,
                    "MoneyWithdrawn", Withdrawn.class)))
            .withSnapshots(State.class, "AccountState.v1");

    Account(UUID id) {
        super(id, State.NEW);
    }

    static Account open(UUID id, String owner) {
        var account = new Account(id);
        account.record(new Opened(owner));
        return account;
    }

    void deposit(long amount) {
        record(new Deposited(amount));
    }

    void withdraw(long amount) {
        if (amount > balance()) {
            throw new InsufficientFunds(balance(), amount);
        }
        record(new Withdrawn(amount));
    }

    long balance() {
        return state().balance();
    }

    String owner() {
        return state().owner();
    }

    @Override
    protected State next(State state, Event event) {
        return switch (event) {
            case Opened opened -> new State(opened.owner(), state.balance());
            case Deposited deposited -> new State(state.owner(), state.balance() + deposited.amount());
            case Withdrawn withdrawn -> new State(state.owner(), state.balance() - withdrawn.amount());
        };
    }
}
