package io.financing.populate;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./financing populate}: registers issuers and investors through the Registering context's
 * integration events, and prints their ids (one per line: "issuer ID", "investor ID"; or JSON).
 * <pre>
 * populate --issuers 2 --investors 3 --balance 100.00 [--json] [--stable-ids]
 * populate --file parties.json       [{"type": "issuer", "name": "ACME"}, {"type": "investor", "name": "Ann", "balance": "50"}]
 * options: --bootstrap localhost:9092 (or FINANCING_KAFKA_BOOTSTRAP), --topic registering.events
 * </pre>
 * With {@code --stable-ids}, a party without an id of its own gets one derived from its kind and name ("Issuer 1",
 * ...), so running the same command again registers no one twice: the demo parties of {@code ./financing up} and
 * of Docker Compose are registered so, and have the same ids everywhere. A party's registration event id is
 * always derived from its id.
 */
public final class PopulateMain {

    private PopulateMain() {
    }

    public static void main(String[] args) throws Exception {
        try {
            Options options = Options.parse(args);
            List<Registration> registrations = options.registrations();
            try (var publisher = new RegisteringPublisher(options.bootstrap(), options.topic())) {
                publisher.publish(registrations);
            }
            print(registrations, options.json(), System.out);
        } catch (IllegalArgumentException e) {
            System.err.println("populate: " + e.getMessage());
            System.exit(2);
        }
    }

    static void print(List<Registration> registrations, boolean json, PrintStream out) {
        if (json) {
            var mapper = JsonMapper.builder().build();
            var array = mapper.createArrayNode();
            registrations.forEach(r -> array.addObject()
                    .put("type", r instanceof Registration.Issuer ? "issuer" : "investor")
                    .put("id", r.id().toString()));
            out.println(mapper.writeValueAsString(array));
        } else {
            registrations.forEach(r -> out.println((r instanceof Registration.Issuer ? "issuer " : "investor ") + r.id()));
        }
    }

    /** The command line, parsed as {@code ./financing populate} and Docker Compose's populate service give it. */
    public record Options(int issuers, int investors, BigDecimal balance, Path file, boolean json, boolean stableIds,
                   String bootstrap, String topic) {

        public static Options parse(String[] args) {
            int issuers = 0;
            int investors = 0;
            BigDecimal balance = new BigDecimal("100.00");
            Path file = null;
            boolean json = false;
            boolean stableIds = false;
            String bootstrap = System.getenv().getOrDefault("FINANCING_KAFKA_BOOTSTRAP", "localhost:9092");
            String topic = "registering.events";
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--issuers" -> issuers = count("--issuers", value(args, ++i));
                    case "--investors" -> investors = count("--investors", value(args, ++i));
                    case "--balance" -> balance = balance(value(args, ++i));
                    case "--file" -> file = Path.of(value(args, ++i));
                    case "--json" -> json = true;
                    case "--stable-ids" -> stableIds = true;
                    case "--bootstrap" -> bootstrap = value(args, ++i);
                    case "--topic" -> topic = value(args, ++i);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + " (--issuers N --investors M --balance 100.00 --file F --json --stable-ids --bootstrap H:P --topic T)");
                }
            }
            if (file == null && issuers + investors == 0) {
                throw new IllegalArgumentException("nothing to register: give --issuers, --investors or --file");
            }
            return new Options(issuers, investors, balance, file, json, stableIds, bootstrap, topic);
        }

        public List<Registration> registrations() throws Exception {
            List<Registration> registrations = new ArrayList<>();
            IntStream.rangeClosed(1, issuers).mapToObj(n -> "Issuer " + n).forEach(name ->
                    registrations.add(new Registration.Issuer(newId("issuer", name), name)));
            IntStream.rangeClosed(1, investors).mapToObj(n -> "Investor " + n).forEach(name ->
                    registrations.add(new Registration.Investor(newId("investor", name), name, balance)));
            if (file != null) {
                for (JsonNode party : JsonMapper.builder().build().readTree(Files.readString(file))) {
                    registrations.add(fromFile(party));
                }
            }
            return registrations;
        }

        private UUID newId(String kind, String name) {
            return stableIds ? Registration.stableId(kind, name) : UUID.randomUUID();
        }

        private Registration fromFile(JsonNode party) {
            String name = party.path("name").asString("unnamed");
            String kind = party.path("type").asString("");
            UUID id = party.has("id") ? UUID.fromString(party.get("id").asString()) : newId(kind, name);
            return switch (kind) {
                case "issuer" -> new Registration.Issuer(id, name);
                case "investor" -> new Registration.Investor(id, name, balance(party.path("balance").asString("0")));
                default -> throw new IllegalArgumentException("each party needs \"type\": \"issuer\" or \"investor\": "
                        + party);
            };
        }

        private static String value(String[] args, int i) {
            if (i >= args.length) {
                throw new IllegalArgumentException(args[i - 1] + " needs a value");
            }
            return args[i];
        }

        private static int count(String option, String text) {
            try {
                int count = Integer.parseInt(text);
                if (count < 0) {
                    throw new NumberFormatException();
                }
                return count;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " must be a whole number >= 0, got \"" + text + "\"");
            }
        }

        private static BigDecimal balance(String text) {
            if (!text.matches("[0-9]{1,13}(\\.[0-9]{1,2})?")) {
                throw new IllegalArgumentException("balance must be an amount like 100.00, got \"" + text + "\"");
            }
            return new BigDecimal(text).setScale(2);
        }
    }
}
