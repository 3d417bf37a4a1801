package io.financing.service.store;

import io.financing.eventstore.Aggregate;
import io.financing.eventstore.AggregateRepository;
import io.financing.eventstore.EventMetadata;
import io.financing.eventstore.NewEvent;
import io.financing.eventstore.StreamNotFoundException;
import io.financing.service.Aggregates;
import io.financing.service.PolicyViolation;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The aggregates of one kind, kept in the event store.
 *
 * @param missing the reason a command about an aggregate that does not exist is rejected with
 */
public record EventSourcedAggregates<A extends Aggregate<?, ?>>(AggregateRepository<A, ?, ?> repository,
                                                             Function<UUID, String> missing)
        implements Aggregates<A> {

    @Override
    public boolean exists(UUID id) {
        return repository.contains(id);
    }

    @Override
    public void requireExists(UUID id) {
        if (!exists(id)) {
            throw new PolicyViolation(missing.apply(id));
        }
    }

    @Override
    public List<NewEvent> add(A aggregate, EventMetadata metadata) {
        return repository.save(aggregate, metadata).events();
    }

    @Override
    public List<NewEvent> update(UUID id, EventMetadata metadata, Consumer<A> change) {
        try {
            return repository.update(id, metadata, change).events();
        } catch (StreamNotFoundException notFound) {
            throw new PolicyViolation(missing.apply(id));
        }
    }
}
