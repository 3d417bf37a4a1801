package io.financing.load;

import io.financing.grpc.edge.ClientChannels;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;

/**
 * What to run and against what. Addresses come from the environment as for the acceptance tests
 * (FINANCING_COMMANDS_ADDR, FINANCING_QUERIES_ADDR, FINANCING_KAFKA_BOOTSTRAP), else the local ports
 * of {@code ./financing up}; FINANCING_HOME says where its services' pid files are; TLS as every tool of
 * ours speaks it ({@link ClientChannels}).
 *
 * @param rate          bids per second; 0 sends them as fast as {@code concurrency} calls in flight allow
 * @param warmUpSeconds how long to bid before measuring, so that every JVM on the way has compiled its hot code
 * @param listenerOnly  measure the listener alone: bids for parties and invoices no one registered, accepted
 *                      (the listener checks their form, not their facts) and later rejected; no settling,
 *                      no invariants
 * @param decisions     issuers approve or reverse (in turn) each invoice as soon as it is financed
 * @param randomAmounts bids of random amounts around the asking price (10 % under to 20 % over), instead of it
 * @param watchEvery    follow one bid in this many through WatchCommand, from its acceptance until it is settled;
 *                      0 follows none
 * @param idleWatches   watches of commands no one sends, held open through the run, to measure what they cost
 */
record LoadSettings(int issuers, int investors, int invoices, int bidsPerInvoice, double rate, int warmUpSeconds,
                    int durationSeconds, int concurrency, boolean listenerOnly, boolean decisions, boolean randomAmounts,
                    int watchEvery, int idleWatches, BigDecimal balance,
                    BigDecimal askingPrice, Path json,
                    String commandsAddress, String queriesAddress, String kafkaBootstrap, Path home,
                    ClientChannels clients) {

    static final String USAGE = """
            usage: financing bench [--rate BIDS_PER_S | --max] [--warm-up S] [--duration S] [--concurrency N]
                                   [--issuers N] [--investors N] [--invoices N] [--bids-per-invoice K] [--json FILE]
                                   [--listener-only] [--decisions] [--amounts asking|random] [--watch-every N]
                                   [--idle-watches N]
              --rate 0 (--max) sends bids as fast as N calls in flight allow; defaults: --rate 100 --warm-up 10
              --duration 60 --concurrency 64 --issuers 10 --investors 100 --invoices 2000 --bids-per-invoice 3
              --listener-only measures acceptance alone: bids on invoices that do not exist, nothing awaited after
              --decisions has the issuers approve or reverse (in turn) each invoice as soon as it is financed
              --amounts random bids from 10 % under the asking price to 20 % over it (default: the asking price)
              --watch-every N follows one bid in N through WatchCommand until it is settled (default 10; 0: none)
              --idle-watches N holds N watches of commands no one sends open through the run (default 0)""";

    static LoadSettings parse(String[] args, Map<String, String> env) {
        int issuers = 10, investors = 100, invoices = 2000, bidsPerInvoice = 3, warmUp = 10, duration = 60;
        int concurrency = 64, watchEvery = 10, idleWatches = 0;
        double rate = 100;
        boolean listenerOnly = false, decisions = false, randomAmounts = false;
        Path json = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--issuers" -> issuers = positive(args, ++i);
                case "--investors" -> investors = positive(args, ++i);
                case "--invoices" -> invoices = positive(args, ++i);
                case "--bids-per-invoice" -> bidsPerInvoice = positive(args, ++i);
                case "--duration" -> duration = positive(args, ++i);
                case "--warm-up" -> warmUp = Integer.parseInt(value(args, ++i));
                case "--concurrency" -> concurrency = positive(args, ++i);
                case "--rate" -> rate = Double.parseDouble(value(args, ++i));
                case "--max" -> rate = 0;
                case "--listener-only" -> listenerOnly = true;
                case "--decisions" -> decisions = true;
                case "--amounts" -> randomAmounts = switch (value(args, ++i)) {
                    case "asking" -> false;
                    case "random" -> true;
                    default -> throw new IllegalArgumentException("--amounts is asking or random\n" + USAGE);
                };
                case "--watch-every" -> watchEvery = Integer.parseInt(value(args, ++i));
                case "--idle-watches" -> idleWatches = positive(args, ++i);
                case "--json" -> json = Path.of(value(args, ++i));
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
            }
        }
        if (watchEvery < 0) {
            throw new IllegalArgumentException("--watch-every must be 0 (none) or more");
        }
        if (rate < 0) {
            throw new IllegalArgumentException("--rate must be 0 (as fast as possible) or more");
        }
        return new LoadSettings(issuers, investors, invoices, bidsPerInvoice, rate, warmUp, duration, concurrency,
                listenerOnly, decisions, randomAmounts, watchEvery, idleWatches, new BigDecimal("1000000.00"), new BigDecimal("100.00"), json,
                env.getOrDefault("FINANCING_COMMANDS_ADDR", "localhost:" + env.getOrDefault("FINANCING_COMMANDS_PORT", "8080")),
                env.getOrDefault("FINANCING_QUERIES_ADDR", "localhost:" + env.getOrDefault("FINANCING_QUERIES_PORT", "8081")),
                env.getOrDefault("FINANCING_KAFKA_BOOTSTRAP", "localhost:" + env.getOrDefault("FINANCING_KAFKA_PORT", "9092")),
                Path.of(env.getOrDefault("FINANCING_HOME", ".financing")),
                ClientChannels.from(env));
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value\n" + USAGE);
        }
        return args[i];
    }

    private static int positive(String[] args, int i) {
        int n = Integer.parseInt(value(args, i));
        if (n <= 0) {
            throw new IllegalArgumentException(args[i - 1] + " must be positive");
        }
        return n;
    }
}
