package io.financing.console.overview;

import io.financing.console.Calls;
import io.financing.console.caller.ConsoleCaller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

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
        return Calls.blocking(overview::latest);
    }

    @GetMapping("/api/caller")
    ConsoleCaller.Identity caller() {
        return caller.identity();
    }
}
