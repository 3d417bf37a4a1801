package io.financing.load;

import java.io.PrintStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

/**
 * {@code ./financing bench}: drives the running system through its public interfaces only (gRPC
 * commands and queries, {@code registering.events}, {@code financing.events}), prints what it
 * measured as a table (and JSON with {@code --json FILE}), and fails if an invariant broke.
 */
public final class LoadMain {

    private LoadMain() {
    }

    public static void main(String[] args) throws Exception {
        try {
            System.exit(run(args, System.getenv(), System.out).isEmpty() ? 0 : 1);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
        }
    }

    /**
     * Runs the load as {@code ./financing bench ARGS} would, with {@code env} as its environment, and
     * prints the table on {@code out}. Returns the invariants that broke, in words; empty if all held.
     */
    public static List<String> run(String[] args, Map<String, String> env, PrintStream out) throws Exception {
        return run(args, env, out, () -> { });
    }

    /**
     * As {@link #run(String[], Map, PrintStream)}, running {@code duringBids} on its own thread while the
     * measured bids are sent (a fault to withstand), and failing with what it threw.
     */
    public static List<String> run(String[] args, Map<String, String> env, PrintStream out, Runnable duringBids)
            throws Exception {
        LoadSettings settings = LoadSettings.parse(args, env);
        Report report;
        try (var run = new LoadRun(settings, duringBids)) {
            report = run.run();
        }
        out.print(report.table());
        if (settings.json() != null) {
            Files.writeString(settings.json(), report.json());
        }
        return report.brokenInvariants();
    }
}
