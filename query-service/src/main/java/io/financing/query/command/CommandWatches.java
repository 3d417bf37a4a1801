package io.financing.query.command;

import io.financing.eventstore.Outages;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The open watches of commands' progress. A watch costs nothing while its command does not change: no loop per
 * watch, only the {@link ProgressNotices} that the projections send when they commit. A notice marks the watched
 * commands it names as changed; one thread reads the progress of every changed command, many in one query, and
 * offers it to their watchers. A watch opened reads at once the same way, so its first message comes at once.
 */
@Component
public class CommandWatches {

    private static final Logger log = LoggerFactory.getLogger(CommandWatches.class);
    private static final int COMMANDS_PER_READ = 1_000;

    /** Who watches a command: a client's stream. */
    public interface Watcher {

        /** Offers the command's progress, which never goes back; returns whether it wants more. */
        boolean offer(CommandProgress progress);

        /** Ends the watch: the progress cannot be read now, or the service is stopping. */
        void unavailable(String why);
    }

    private final CommandStatusRows statuses;
    private final CausedEvents causedEvents;
    private final ProgressNotices notices;
    private final Map<UUID, Set<Watcher>> watching = new ConcurrentHashMap<>();
    private final Set<UUID> changed = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean readScheduled = new AtomicBoolean();
    private final AtomicInteger open = new AtomicInteger();
    private final ExecutorService reading = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("command-watches").daemon().factory());
    private volatile boolean closing;

    CommandWatches(CommandStatusRows statuses, CausedEvents causedEvents, ProgressNotices notices,
                   MeterRegistry meters) {
        this.statuses = statuses;
        this.causedEvents = causedEvents;
        this.notices = notices;
        meters.gauge("financing.command.watches", open);
    }

    /** Opens a watch: the watcher hears of the command's progress at once, and again each time it changes. */
    public void watch(UUID commandId, Watcher watcher) {
        if (closing) {
            watcher.unavailable("the query service is stopping; watch again");
            return;
        }
        notices.listen(this::changed, () -> changed(watching.keySet()));
        watching.compute(commandId, (id, watchers) -> {
            Set<Watcher> all = watchers == null ? ConcurrentHashMap.newKeySet() : watchers;
            all.add(watcher);
            return all;
        });
        open.incrementAndGet();
        changed(List.of(commandId));
    }

    /** Closes a watch, as when its client cancelled it or its deadline passed. */
    public void forget(UUID commandId, Watcher watcher) {
        watching.computeIfPresent(commandId, (id, watchers) -> {
            if (watchers.remove(watcher)) {
                open.decrementAndGet();
            }
            return watchers.isEmpty() ? null : watchers;
        });
    }

    /** Marks the watched ones among the commands as changed, to be read again. */
    private void changed(Collection<UUID> commandIds) {
        boolean any = false;
        for (UUID commandId : commandIds) {
            any |= watching.containsKey(commandId) && changed.add(commandId);
        }
        if (any && readScheduled.compareAndSet(false, true)) {
            reading.execute(this::readChanged);
        }
    }

    private void readChanged() {
        readScheduled.set(false); // a change marked from here on schedules the next read
        List<UUID> commandIds = new ArrayList<>();
        for (Iterator<UUID> marked = changed.iterator(); marked.hasNext(); ) {
            commandIds.add(marked.next());
            marked.remove();
        }
        for (int from = 0; from < commandIds.size(); from += COMMANDS_PER_READ) {
            offer(commandIds.subList(from, Math.min(commandIds.size(), from + COMMANDS_PER_READ)));
        }
    }

    private void offer(List<UUID> commandIds) {
        Map<UUID, CommandProgress> progress;
        try {
            progress = read(commandIds);
        } catch (RuntimeException e) {
            if (!Outages.causedBy(e)) {
                log.error("Could not read the progress of {} watched commands", commandIds.size(), e);
            }
            commandIds.forEach(commandId -> watchersOf(commandId).forEach(watcher -> {
                watcher.unavailable("the read models' database is unavailable; watch again");
                forget(commandId, watcher);
            }));
            return;
        }
        progress.forEach((commandId, now) -> watchersOf(commandId).forEach(watcher -> {
            if (!watcher.offer(now)) {
                forget(commandId, watcher);
            }
        }));
    }

    private Set<Watcher> watchersOf(UUID commandId) {
        return watching.getOrDefault(commandId, Set.of());
    }

    private Map<UUID, CommandProgress> read(List<UUID> commandIds) {
        Map<UUID, CommandStatusRow> known = statuses.findAllById(commandIds);
        Map<UUID, List<CausedEvent>> caused = known.isEmpty() ? Map.of() : causedEvents.causedBy(known.keySet());
        Map<UUID, CommandProgress> progress = new HashMap<>();
        for (UUID commandId : commandIds) {
            progress.put(commandId, CommandProgress.of(commandId, Optional.ofNullable(known.get(commandId)),
                    caused.getOrDefault(commandId, List.of())));
        }
        return progress;
    }

    /**
     * Ends every watch with UNAVAILABLE before the gRPC server stops (which would otherwise wait for them): the
     * clients can watch again, on another instance or once this one is back.
     */
    @EventListener(ContextClosedEvent.class)
    void close() {
        closing = true;
        notices.stop();
        reading.shutdownNow();
        watching.forEach((commandId, watchers) -> watchers.forEach(watcher -> {
            watcher.unavailable("the query service is stopping; watch again");
            forget(commandId, watcher);
        }));
    }
}
