package io.financing.eventstore;

import java.util.Map;
import java.util.UUID;

/** A tiny aggregate that exercises the library: an account that must never go below zero. */
final class Account extends Aggregate<Account.Event> implements Snapshottable<Account.State> {

    sealed interface Event permits Opened, Deposited, Withdrawn {
    }

    record Opened(String owner) implements Event {
    }

    record Deposited(long amount) implements Event {
    }

    record Withdrawn(long amount) implements Event {
    }

    record State(String owner, long balance) {
    }

    static final class InsufficientFunds extends RuntimeException {
        InsufficientFunds(long balance, long amount) {
            super("Balance is " + balance + ", cannot withdraw " + amount);
        }
    }

    static final AggregateType<Account, Event> TYPE = AggregateType.of("Account", Account::new,
            EventTypes.<Event>of(Map.of("AccountOpened", Opened.class, "MoneyDeposited", Deposited.class,
                    "MoneyWithdrawn", Withdrawn.class)))
            .withSnapshots(State.class, "AccountState.v1");

    private String owner;
    private long balance;

    Account(UUID id) {
        super(id);
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
        if (amount > balance) {
            throw new InsufficientFunds(balance, amount);
        }
        record(new Withdrawn(amount));
    }

    long balance() {
        return balance;
    }

    String owner() {
        return owner;
    }

    @Override
    protected void apply(Event event) {
        // Java 17 has no pattern switch; the sealed interface keeps this list complete by review.
        if (event instanceof Opened opened) {
            owner = opened.owner();
        } else if (event instanceof Deposited deposited) {
            balance += deposited.amount();
        } else if (event instanceof Withdrawn withdrawn) {
            balance -= withdrawn.amount();
        }
    }

    @Override
    public State snapshot() {
        return new State(owner, balance);
    }

    @Override
    public void restore(State state) {
        owner = state.owner();
        balance = state.balance();
    }
}
