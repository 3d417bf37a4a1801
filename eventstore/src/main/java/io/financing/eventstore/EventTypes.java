package io.financing.eventstore;

import java.util.HashMap;
import java.util.Map;

/**
 * The names under which an aggregate's events are stored, mapped to their types explicitly: class
 * names never reach the database, so classes can move and be renamed. An unknown name or type fails
 * loudly rather than lose an event.
 *
 * @param <E> the aggregate's events
 */
public final class EventTypes<E> {

    private final Map<String, Class<? extends E>> typesByName;
    private final Map<Class<?>, String> namesByType;

    private EventTypes(Map<String, Class<? extends E>> typesByName) {
        this.typesByName = Map.copyOf(typesByName);
        var names = new HashMap<Class<?>, String>();
        typesByName.forEach((name, type) -> {
            if (names.put(type, name) != null) {
                throw new IllegalArgumentException("Event type " + type.getName() + " is registered twice");
            }
        });
        this.namesByType = Map.copyOf(names);
    }

    /** @param typesByName every event the aggregate may store, by the name it is stored under */
    public static <E> EventTypes<E> of(Map<String, Class<? extends E>> typesByName) {
        return new EventTypes<>(typesByName);
    }

    public String nameOf(E event) {
        String name = namesByType.get(event.getClass());
        if (name == null) {
            throw new IllegalArgumentException("No name registered for event type " + event.getClass().getName());
        }
        return name;
    }

    public Class<? extends E> typeOf(String name) {
        Class<? extends E> type = typesByName.get(name);
        if (type == null) {
            throw new IllegalStateException("Unknown event name \"" + name + "\": register it, or the event is lost");
        }
        return type;
    }
}
