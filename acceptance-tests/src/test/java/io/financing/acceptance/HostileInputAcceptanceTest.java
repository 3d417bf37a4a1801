package io.financing.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.financing.acceptance.HostileRequests.Request;
import io.financing.api.v1.CommandReply;
import io.financing.api.v1.CommandStatus;
import io.financing.api.v1.CommandStatusRequest;
import io.financing.api.v1.QueriesGrpc;
import io.financing.api.v1.SellInvoiceReply;
import io.financing.grpc.edge.ClientChannels;
import io.financing.grpc.edge.RawBytes;
import io.financing.localstack.Topics;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.stub.ClientCalls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Thousands of random and malformed requests, to both gRPC services, as bytes on the wire (so that they
 * can be what no generated client would send). Every answer must be a clear one (OK, INVALID_ARGUMENT,
 * NOT_FOUND, RESOURCE_EXHAUSTED), never INTERNAL or UNKNOWN; every command the listener accepted must
 * be well formed on {@code financing.commands}, and reach a final status (a command the service could
 * not read would be dead-lettered, and stay UNKNOWN).
 */
class HostileInputAcceptanceTest {

    private static final int REQUESTS = 2_000;
    private static final Set<Status.Code> CLEAR_ANSWERS = EnumSet.of(Status.Code.OK, Status.Code.INVALID_ARGUMENT,
            Status.Code.NOT_FOUND, Status.Code.RESOURCE_EXHAUSTED);
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern AMOUNT_TEXT = Pattern.compile("[0-9]{1,13}(\\.[0-9]{1,2})?");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SystemUnderTest system;
    private ManagedChannel commands;
    private ManagedChannel queries;

    @BeforeEach
    void connect() throws Exception {
        system = SystemUnderTest.get();
        commands = system.commandsChannel();
        queries = system.queriesChannel();
    }

    @AfterEach
    void disconnect() {
        commands.shutdownNow();
        queries.shutdownNow();
    }

    @Test
    void theListenerAnswersEveryHostileCommandClearlyAndEnqueuesOnlyWellFormedOnes() throws Exception {
        var requests = new HostileRequests(20261127L);
        Set<String> accepted = ConcurrentHashMap.newKeySet();

        Answers answers = send(commands, requests::command, (request, reply) -> accepted.add(commandId(request, reply)));

        assertThat(answers.unclear()).as("requests answered neither OK nor with a clear error").isEmpty();
        assertThat(answers.counts()).containsKeys(Status.Code.OK, Status.Code.INVALID_ARGUMENT, Status.Code.RESOURCE_EXHAUSTED);
        List<String> enqueued = enqueued(accepted);
        assertThat(enqueued).hasSameSizeAs(accepted);
        assertThat(enqueued.stream().filter(record -> !wellFormed(record)).toList()).as("malformed on Kafka").isEmpty();
        var statuses = QueriesGrpc.newBlockingStub(queries);
        await().atMost(Duration.ofSeconds(90)).until(() -> accepted.stream().allMatch(id -> statuses.getCommandStatus(
                CommandStatusRequest.newBuilder().setCommandId(id).build()).getState() != CommandStatus.State.UNKNOWN));
    }

    @Test
    void theQueryServiceAnswersEveryHostileQueryClearly() throws Exception {
        var requests = new HostileRequests(27112026L);

        Answers answers = send(queries, requests::query, (request, reply) -> { });

        assertThat(answers.unclear()).as("requests answered neither OK nor with a clear error").isEmpty();
        assertThat(answers.counts()).containsKeys(Status.Code.OK, Status.Code.INVALID_ARGUMENT, Status.Code.NOT_FOUND,
                Status.Code.RESOURCE_EXHAUSTED);
    }

    /** Every kind of hostile token, on every method of both servers: UNAUTHENTICATED, and nothing enqueued. */
    @Test
    void everyHostileTokenIsUnauthenticatedOnEveryMethodAndNothingIsEnqueued() throws Exception {
        Assumptions.assumeTrue(system.local() != null, "forges tokens against the local run's own identity");
        var requests = new HostileRequests(4122026L);
        Map<String, Status.Code> answers = new TreeMap<>();
        long enqueuedBefore = commandsOnTheTopic();

        new HostileTokens(system.local().infrastructure().identity(), 20261204L).all().forEach((kind, token) -> {
            ClientChannels bearing = system.clients().withToken(token);
            ManagedChannel withCommands = bearing.to(system.commandsAddress());
            ManagedChannel withQueries = bearing.to(system.queriesAddress());
            try {
                for (int i = 0; i < 12; i++) {
                    Request command = requests.command();
                    Request query = requests.query();
                    answers.put(kind + ": " + command.method(), call(withCommands, command, reply -> { }));
                    answers.put(kind + ": " + query.method(), call(withQueries, query, reply -> { }));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                withCommands.shutdownNow();
                withQueries.shutdownNow();
            }
        });

        assertThat(answers).isNotEmpty().allSatisfy((call, answer) ->
                assertThat(answer).as(call).isEqualTo(Status.Code.UNAUTHENTICATED));
        assertThat(commandsOnTheTopic()).as("commands enqueued").isEqualTo(enqueuedBefore);
    }

    /** How many records {@code financing.commands} holds: its partitions' end offsets added up. */
    private long commandsOnTheTopic() {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", system.kafka()),
                new StringDeserializer(), new StringDeserializer())) {
            var partitions = consumer.partitionsFor("financing.commands").stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** How many requests got each answer, and the requests answered unclearly (described, with their answer). */
    private record Answers(Map<Status.Code, Integer> counts, Map<String, Status.Code> unclear) {
    }

    private static Answers send(ManagedChannel channel, Supplier<Request> requests, BiConsumer<Request, byte[]> onReply)
            throws InterruptedException {
        var answers = new Answers(new EnumMap<>(Status.Code.class), new HashMap<>());
        for (int i = 0; i < REQUESTS; i++) {
            Request request = requests.get();
            Status.Code answer = call(channel, request, reply -> onReply.accept(request, reply));
            answers.counts().merge(answer, 1, Integer::sum);
            if (!CLEAR_ANSWERS.contains(answer)) {
                answers.unclear().put(request.method() + " " + shortly(request.description()), answer);
            }
        }
        System.out.println(channel.authority() + " answered " + answers.counts());
        return answers;
    }

    /** Sends the bytes as the method's request; returns the status, handing a reply's bytes on. */
    private static Status.Code call(ManagedChannel channel, Request request, java.util.function.Consumer<byte[]> onReply)
            throws InterruptedException {
        var future = ClientCalls.futureUnaryCall(channel.newCall(raw(request.method()),
                CallOptions.DEFAULT.withDeadlineAfter(30, TimeUnit.SECONDS)), request.bytes());
        try {
            onReply.accept(future.get());
            return Status.Code.OK;
        } catch (ExecutionException e) {
            return Status.fromThrowable(e.getCause()).getCode();
        }
    }

    private static String commandId(Request request, byte[] reply) {
        try {
            return request.method().endsWith("SellInvoice") ? SellInvoiceReply.parseFrom(reply).getCommandId()
                    : CommandReply.parseFrom(reply).getCommandId();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The records on financing.commands of the commands accepted, found by their ids. */
    private List<String> enqueued(Set<String> accepted) {
        List<String> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            found.clear();
            for (ConsumerRecord<String, String> record : Topics.readAll(system.kafka(), "financing.commands")) {
                if (accepted.contains(JSON.readTree(record.value()).path("commandId").asString())) {
                    found.add(record.value());
                }
            }
            return found.size() >= accepted.size();
        });
        return found;
    }

    /** As DESIGN.md has it: canonical ids, a known name, positive amounts with at most 13 + 2 digits. */
    private static boolean wellFormed(String record) {
        JsonNode command = JSON.readTree(record);
        JsonNode data = command.path("data");
        boolean ids = isUuid(command.path("commandId")) && isUuid(command.path("aggregateId"))
                && isUuid(data.path("invoiceId"));
        return ids && switch (command.path("name").asString()) {
            case "SellInvoice" -> isUuid(data.path("issuerId")) && isAmount(data.path("askingPrice"));
            case "BidOnInvoice" -> isUuid(data.path("investorId")) && isAmount(data.path("bid"));
            case "ApproveFinancing", "ReverseFinancing" -> true;
            default -> false;
        };
    }

    private static boolean isUuid(JsonNode value) {
        return value.isString() && UUID_TEXT.matcher(value.asString()).matches()
                && !value.asString().equals("00000000-0000-0000-0000-000000000000");
    }

    private static boolean isAmount(JsonNode value) {
        return (value.isString() || value.isNumber()) && AMOUNT_TEXT.matcher(value.asString()).matches()
                && new java.math.BigDecimal(value.asString()).signum() > 0;
    }

    private static String shortly(String description) {
        String line = description.replace('\n', ' ');
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    private static MethodDescriptor<byte[], byte[]> raw(String fullMethodName) {
        return MethodDescriptor.<byte[], byte[]>newBuilder().setType(MethodDescriptor.MethodType.UNARY)
                .setFullMethodName(fullMethodName).setRequestMarshaller(RawBytes.INSTANCE)
                .setResponseMarshaller(RawBytes.INSTANCE).build();
    }
}
