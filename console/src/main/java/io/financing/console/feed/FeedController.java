package io.financing.console.feed;

import java.time.Duration;
import java.util.List;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

/** The live page's feed: Server-Sent Events, each a batch of the events that arrived since the last. */
@RestController
class FeedController {

    /** Batches keep a page fast under load: at most this many events, every this often. */
    private static final int BATCH = 500;
    private static final Duration EVERY = Duration.ofMillis(250);
    /** A comment now and then keeps proxies from closing a quiet stream. */
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    private final LiveFeed feed;

    FeedController(LiveFeed feed) {
        this.feed = feed;
    }

    @GetMapping(path = "/api/feed", produces = "text/event-stream")
    Flux<ServerSentEvent<List<FeedEvent>>> feed(@RequestParam(required = false) String type,
                                                @RequestParam(required = false) String id) {
        Flux<ServerSentEvent<List<FeedEvent>>> batches = feed.events(type, id).bufferTimeout(BATCH, EVERY)
                .map(batch -> ServerSentEvent.builder(batch).event("events").build());
        Flux<ServerSentEvent<List<FeedEvent>>> keepAlive = Flux.interval(KEEP_ALIVE)
                .map(tick -> ServerSentEvent.<List<FeedEvent>>builder().comment("still here").build());
        return Flux.merge(batches, keepAlive);
    }
}
