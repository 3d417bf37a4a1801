package io.financing.api.event;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The names of events on the wire and in the store, read from each record's {@code @JsonTypeName}, so that
 * a name is written once, beside its type. Class names never reach the wire: a record can move or be renamed.
 */
public final class EventNames {

    private EventNames() {
    }

    /** The name of one kind of event, as its {@code @JsonTypeName} says. */
    public static String nameOf(Class<?> type) {
        JsonTypeName name = type.getAnnotation(JsonTypeName.class);
        if (name == null) {
            throw new IllegalArgumentException(type.getName() + " has no @JsonTypeName, so no name on the wire");
        }
        return name.value();
    }

    /** Every event of a sealed family, by name, found through the family's permitted subtypes. */
    public static <E> Map<String, Class<? extends E>> of(Class<E> family) {
        var types = new LinkedHashMap<String, Class<? extends E>>();
        collect(family, family, types);
        return Map.copyOf(types);
    }

    private static <E> void collect(Class<E> family, Class<?> type, Map<String, Class<? extends E>> types) {
        if (type.isSealed()) {
            for (Class<?> permitted : type.getPermittedSubclasses()) {
                collect(family, permitted, types);
            }
        } else if (types.putIfAbsent(nameOf(type), type.asSubclass(family)) != null) {
            throw new IllegalStateException("Two events named " + nameOf(type) + " in " + family.getName());
        }
    }
}
