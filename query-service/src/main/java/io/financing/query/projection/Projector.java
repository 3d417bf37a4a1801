package io.financing.query.projection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands each event to the projection of its aggregate type, in a transaction (other types are not shown), then
 * all of them to the conversations' projections.
 */
@Component
public class Projector {

    private final Map<String, Projection> projections;
    private final List<ConversationProjection> conversations;

    Projector(List<Projection> projections, List<ConversationProjection> conversations) {
        this.projections = projections.stream()
                .collect(Collectors.toUnmodifiableMap(Projection::aggregateType, Function.identity()));
        this.conversations = conversations;
    }

    /** Projects the events, in one transaction, each type's in their order (types touch different tables). */
    @Transactional
    public void projectAll(List<ProjectedEvent> events) {
        events.stream().collect(Collectors.groupingBy(ProjectedEvent::aggregateType, LinkedHashMap::new, Collectors.toList()))
                .forEach((type, ofType) -> {
                    Projection projection = projections.get(type);
                    if (projection != null) {
                        projection.applyAll(ofType);
                    }
                });
        conversations.forEach(conversation -> conversation.applyAll(events));
    }
}
