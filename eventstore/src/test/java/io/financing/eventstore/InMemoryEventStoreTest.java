package io.financing.eventstore;

/** The in-memory store keeps the same contract as the real one. */
class InMemoryEventStoreTest extends EventStoreContract {

    private final EventStore store = new InMemoryEventStore();

    @Override
    EventStore store() {
        return store;
    }
}
