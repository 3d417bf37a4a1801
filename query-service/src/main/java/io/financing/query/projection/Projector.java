package io.financing.query.projection;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Hands each event to the projection of its aggregate type, in a transaction; other types are not shown. */
@Component
public class Projector {

    private final Map<String, Projection> projections;

    Projector(List<Projection> projections) {
        this.projections = projections.stream()
                .collect(Collectors.toUnmodifiableMap(Projection::aggregateType, Function.identity()));
    }

    @Transactional
    public void projectAll(List<ProjectedEvent> events) {
        events.forEach(this::project);
    }

    @Transactional
    public void project(ProjectedEvent event) {
        Projection projection = projections.get(event.aggregateType());
        if (projection != null) {
            projection.apply(event);
        }
    }
}
