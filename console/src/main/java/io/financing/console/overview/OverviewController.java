package io.financing.console.overview;

import io.financing.console.caller.ConsoleCaller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The live page's figures and health, and who the console acts as. */
@RestController
class OverviewController {

    private final SystemOverview overview;
    private final ConsoleCaller caller;

    OverviewController(SystemOverview overview, ConsoleCaller caller) {
        this.overview = overview;
        this.caller = caller;
    }

    @GetMapping("/api/overview")
    Mono<Overview> overview() {
        return Mono.fromCallable(overview::latest).subscribeOn(Schedulers.boundedElastic());
    }

    @GetMapping("/api/caller")
    ConsoleCaller.Identity caller() {
        return caller.identity();
    }
}
