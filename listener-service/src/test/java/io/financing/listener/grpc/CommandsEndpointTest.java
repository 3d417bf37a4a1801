package io.financing.listener.grpc;

import static io.financing.listener.Requests.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.rpc.BadRequest;
import io.financing.api.access.Caller;
import io.financing.api.command.BidOnInvoice;
import io.financing.api.command.CommandMessage;
import io.financing.api.command.SellInvoice;
import io.financing.api.v1.ApproveFinancingCommand;
import io.financing.api.v1.BidOnInvoiceCommand;
import io.financing.api.v1.CommandsGrpc;
import io.financing.api.v1.SellInvoiceReply;
import io.financing.grpc.edge.ClientChannels;
import io.financing.grpc.edge.GrpcProbe;
import io.financing.localstack.SharedInfrastructure;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.MetadataUtils;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.grpc.test.autoconfigure.LocalGrpcPort;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real gRPC client, calling as an operator, against the running listener; what it enqueued is read back from
 * the real topic.
 */
@SpringBootTest(properties = "spring.grpc.server.port=0")
class CommandsEndpointTest {

    private static final String TOPIC = "financing.commands";

    /** The shared Kafka, and the shared identity provider's keys: what every listener test here runs against. */
    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> SharedInfrastructure.get().kafka().bootstrapServers());
        registry.add("financing.access.jwks-uri", () -> SharedInfrastructure.get().jwksUri());
    }

    @LocalGrpcPort
    int port;

    @Autowired
    MeterRegistry meters;

    private final JsonMapper json = JsonMapper.builder().build();
    private ManagedChannel channel;
    private CommandsGrpc.CommandsBlockingStub commands;
    private TopicTail topic;

    @BeforeEach
    void connect() {
        channel = ClientChannels.plaintext()
                .withToken(SharedInfrastructure.get().identity().token(Caller.operator("tests")))
                .to("localhost", port);
        commands = CommandsGrpc.newBlockingStub(channel);
        topic = new TopicTail(SharedInfrastructure.get().kafka().bootstrapServers(), TOPIC);
    }

    @AfterEach
    void disconnect() {
        topic.close();
        channel.shutdownNow();
    }

    @Test
    void sellInvoiceIsEnqueuedKeyedByTheNewInvoiceBeforeTheReply() {
        SellInvoiceReply reply = commands.sellInvoice(sellInvoice(ISSUER, "10.5", ""));

        ConsumerRecord<String, String> record = topic.await(1).get(0);
        CommandMessage command = json.readValue(record.value(), CommandMessage.class);
        assertThat(record.key()).isEqualTo(reply.getInvoiceId().getValue());
        assertThat(command.commandId()).hasToString(reply.getCommandId());
        assertThat(command.data()).isEqualTo(new SellInvoice(UUID.fromString(reply.getInvoiceId().getValue()),
                UUID.fromString(ISSUER), new BigDecimal("10.50")));
    }

    @Test
    void bidOnInvoiceIsKeyedByTheInvestorAndKeepsTheClientsCommandId() {
        String commandId = UUID.randomUUID().toString();

        var reply = commands.bidOnInvoice(BidOnInvoiceCommand.newBuilder()
                .setInvestorId(uuid(INVESTOR)).setInvoiceId(uuid(INVOICE)).setBid(money("20"))
                .setCommandId(commandId).build());

        ConsumerRecord<String, String> record = topic.await(1).get(0);
        assertThat(reply.getCommandId()).isEqualTo(commandId);
        assertThat(record.key()).isEqualTo(INVESTOR);
        assertThat(json.readTree(record.value()).get("name").asString()).isEqualTo("BidOnInvoice");
        assertThat(json.readValue(record.value(), CommandMessage.class).data()).isEqualTo(new BidOnInvoice(
                UUID.fromString(INVESTOR), UUID.fromString(INVOICE), new BigDecimal("20.00")));
    }

    @Test
    void eachCommandCountsAsAcceptedOrRefusedByNameAndTheQueuedOneCarriesTheCallersTrace() {
        double accepted = meters.counter("financing.commands.accepted", "command", "BidOnInvoice").count();
        double refused = meters.counter("financing.commands.refused", "command", "BidOnInvoice", "code",
                "INVALID_ARGUMENT").count();
        var traced = new Metadata();
        traced.put(Metadata.Key.of("traceparent", Metadata.ASCII_STRING_MARSHALLER),
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        var bid = BidOnInvoiceCommand.newBuilder().setInvestorId(uuid(INVESTOR)).setInvoiceId(uuid(INVOICE));

        commands.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(traced)).bidOnInvoice(bid.setBid(money("20")).build());
        assertThatThrownBy(() -> commands.bidOnInvoice(bid.setBid(money("-1")).build()));

        assertThat(meters.counter("financing.commands.accepted", "command", "BidOnInvoice").count()).isEqualTo(accepted + 1);
        assertThat(meters.counter("financing.commands.refused", "command", "BidOnInvoice", "code", "INVALID_ARGUMENT")
                .count()).isEqualTo(refused + 1);
        String traceparent = new String(topic.await(1).get(0).headers().lastHeader("traceparent").value());
        assertThat(traceparent).as("a span of the listener's, in the caller's trace")
                .startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-").doesNotContain("00f067aa0ba902b7");
    }

    @Test
    void theSameCommandIdTwiceNamesTheSameInvoice() {
        String commandId = UUID.randomUUID().toString();

        SellInvoiceReply first = commands.sellInvoice(sellInvoice(ISSUER, "10", commandId));
        SellInvoiceReply second = commands.sellInvoice(sellInvoice(ISSUER, "10", commandId));

        assertThat(second).isEqualTo(first);
        assertThat(topic.await(2)).extracting(ConsumerRecord::key)
                .containsExactly(first.getInvoiceId().getValue(), first.getInvoiceId().getValue());
    }

    @Test
    void aMalformedCommandIsRefusedNamingTheFieldAndLeavesTheTopicUntouched() {
        assertThatThrownBy(() -> commands.sellInvoice(sellInvoice(ISSUER, "1.234", "")))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(e.getStatus().getDescription()).startsWith("asking_price.amount must be");
                    assertThat(badRequest(e).getFieldViolationsList())
                            .extracting(BadRequest.FieldViolation::getField).containsExactly("asking_price.amount");
                });
        assertThatThrownBy(() -> commands.approveFinancing(ApproveFinancingCommand.getDefaultInstance()))
                .hasMessage("INVALID_ARGUMENT: invoice_id is required");

        assertThat(topic.received()).isFalse();
    }

    @Test
    void aRequestBeyondTheSizeLimitIsRefusedAndNothingIsEnqueued() {
        String huge = "9".repeat(100_000);

        assertThatThrownBy(() -> commands.sellInvoice(sellInvoice(ISSUER, "10", huge)))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> assertThat(e.getStatus().getCode())
                        .isEqualTo(Status.Code.RESOURCE_EXHAUSTED));
        assertThat(topic.received()).isFalse();
    }

    @Test
    void answersHealthAndListsItsServiceThroughReflection() {
        try (var probe = new GrpcProbe(ClientChannels.plaintext().to("localhost", port))) {
            assertThat(probe.health("")).isEqualTo(ServingStatus.SERVING);
            assertThat(probe.health("financing.v1.Commands")).isEqualTo(ServingStatus.SERVING);
            assertThat(probe.services()).contains("financing.v1.Commands", "grpc.health.v1.Health");
        }
    }

    private static BadRequest badRequest(StatusRuntimeException e) {
        return StatusProto.fromThrowable(e).getDetailsList().stream()
                .filter(detail -> detail.is(BadRequest.class))
                .map(detail -> {
                    try {
                        return detail.unpack(BadRequest.class);
                    } catch (Exception unpackFailure) {
                        throw new IllegalStateException(unpackFailure);
                    }
                })
                .findFirst().orElseThrow();
    }
}
