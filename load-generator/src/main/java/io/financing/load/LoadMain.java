package io.financing.load;

import java.nio.file.Files;

/**
 * {@code ./financing bench}: drives the running system through its public interfaces only (gRPC
 * commands and queries, {@code registering.events}, {@code financing.events}), prints what it
 * measured as a table (and JSON with {@code --json FILE}), and fails if an invariant broke.
 */
public final class LoadMain {

    private LoadMain() {
    }

    public static void main(String[] args) throws Exception {
        LoadSettings settings;
        try {
            settings = LoadSettings.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        Report report;
        try (var run = new LoadRun(settings)) {
            report = run.run();
        }
        System.out.print(report.table());
        if (settings.json() != null) {
            Files.writeString(settings.json(), report.json());
        }
        System.exit(report.invariantsHold() ? 0 : 1);
    }
}
