package io.financing.listener.grpc;

import static io.financing.listener.Requests.money;
import static io.financing.listener.Requests.sellInvoice;
import static io.financing.listener.Requests.uuid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.JWTClaimsSet;
import io.financing.api.access.Caller;
import io.financing.api.command.CommandMessage;
import io.financing.api.v1.ApproveFinancingCommand;
import io.financing.api.v1.BidOnInvoiceCommand;
import io.financing.api.v1.CommandsGrpc;
import io.financing.api.v1.ReverseFinancingCommand;
import io.financing.grpc.edge.ClientChannels;
import io.financing.grpc.edge.GrpcProbe;
import io.financing.localstack.LocalIdentity;
import io.financing.localstack.SharedInfrastructure;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.grpc.test.autoconfigure.LocalGrpcPort;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may send which command, over gRPC with real tokens: a party acts only for itself, an operator for
 * everyone; a refused call enqueues nothing.
 */
@SpringBootTest(properties = "spring.grpc.server.port=0")
class WhoMaySendWhatTest {

    private static final UUID ISSUER = UUID.randomUUID();
    private static final UUID INVESTOR = UUID.randomUUID();
    private static final UUID SOMEONE_ELSE = UUID.randomUUID();
    private static final String INVOICE = UUID.randomUUID().toString();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        CommandsEndpointTest.infrastructure(registry);
    }

    @LocalGrpcPort
    int port;

    private final LocalIdentity identity = SharedInfrastructure.get().identity();
    private final JsonMapper json = JsonMapper.builder().build();
    private final List<ManagedChannel> channels = new ArrayList<>();
    private TopicTail topic;

    @BeforeEach
    void tail() {
        topic = new TopicTail(SharedInfrastructure.get().kafka().bootstrapServers(), "financing.commands");
    }

    @AfterEach
    void close() {
        topic.close();
        channels.forEach(ManagedChannel::shutdownNow);
    }

    @Test
    void anIssuerSellsItsOwnInvoicesOnly() {
        as(Caller.issuer(ISSUER)).sellInvoice(sellInvoice(ISSUER.toString(), "10", ""));

        assertThat(enqueued().issuedBy()).isEqualTo(Caller.issuer(ISSUER));
        refused(Status.Code.PERMISSION_DENIED, Caller.issuer(ISSUER),
                commands -> commands.sellInvoice(sellInvoice(SOMEONE_ELSE.toString(), "10", "")));
        refused(Status.Code.PERMISSION_DENIED, Caller.investor(ISSUER),
                commands -> commands.sellInvoice(sellInvoice(ISSUER.toString(), "10", "")));
    }

    @Test
    void anInvestorBidsWithItsOwnBalanceOnly() {
        as(Caller.investor(INVESTOR)).bidOnInvoice(bid(INVESTOR));

        assertThat(enqueued().issuedBy()).isEqualTo(Caller.investor(INVESTOR));
        refused(Status.Code.PERMISSION_DENIED, Caller.investor(INVESTOR), commands -> commands.bidOnInvoice(bid(SOMEONE_ELSE)));
        refused(Status.Code.PERMISSION_DENIED, Caller.issuer(INVESTOR), commands -> commands.bidOnInvoice(bid(INVESTOR)));
    }

    /** Whose the invoice is, only the invoice knows: the decision is enqueued with its caller, for it to check. */
    @Test
    void anyIssuerMaySendADecisionWhichTheInvoiceThenChecks() {
        as(Caller.issuer(ISSUER)).approveFinancing(ApproveFinancingCommand.newBuilder().setInvoiceId(uuid(INVOICE)).build());
        assertThat(enqueued().issuedBy()).isEqualTo(Caller.issuer(ISSUER));
        as(Caller.issuer(ISSUER)).reverseFinancing(ReverseFinancingCommand.newBuilder().setInvoiceId(uuid(INVOICE)).build());
        assertThat(enqueued().issuedBy()).isEqualTo(Caller.issuer(ISSUER));

        refused(Status.Code.PERMISSION_DENIED, Caller.investor(INVESTOR), commands -> commands
                .approveFinancing(ApproveFinancingCommand.newBuilder().setInvoiceId(uuid(INVOICE)).build()));
        refused(Status.Code.PERMISSION_DENIED, Caller.investor(INVESTOR), commands -> commands
                .reverseFinancing(ReverseFinancingCommand.newBuilder().setInvoiceId(uuid(INVOICE)).build()));
    }

    @Test
    void anOperatorMaySendEveryCommandForEveryParty() {
        var operator = as(Caller.operator("ops"));

        operator.sellInvoice(sellInvoice(SOMEONE_ELSE.toString(), "10", ""));
        operator.bidOnInvoice(bid(SOMEONE_ELSE));
        operator.approveFinancing(ApproveFinancingCommand.newBuilder().setInvoiceId(uuid(INVOICE)).build());
        operator.reverseFinancing(ReverseFinancingCommand.newBuilder().setInvoiceId(uuid(INVOICE)).build());

        assertThat(topic.await(4)).hasSize(4).allSatisfy(record -> assertThat(
                json.readValue(record.value(), CommandMessage.class).issuedBy()).isEqualTo(Caller.operator("ops")));
    }

    @Test
    void withoutAGoodTokenTheCallIsUnauthenticatedAndNothingIsEnqueued() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var investor = Caller.investor(INVESTOR);
        List<String> hostile = List.of("", "not.a.token", "Basic dXNlcjpwYXNz",
                LocalIdentity.generated().token(investor),
                identity.token(LocalIdentity.claims(investor, now.minusSeconds(7200), now.minusSeconds(3600)).build()),
                identity.token(LocalIdentity.claims(investor, now.plusSeconds(3600), now.plusSeconds(7200)).build()),
                identity.token(new JWTClaimsSet.Builder(LocalIdentity.claims(investor, now, now.plusSeconds(60)).build())
                        .audience("someone-else").build()),
                identity.token(new JWTClaimsSet.Builder(LocalIdentity.claims(investor, now, now.plusSeconds(60)).build())
                        .claim("role", "admin").build()));

        for (String token : hostile) {
            assertThatThrownBy(() -> stub(token).bidOnInvoice(bid(INVESTOR))).as(token)
                    .isInstanceOfSatisfying(StatusRuntimeException.class, e ->
                            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
        }
        assertThatThrownBy(() -> CommandsGrpc.newBlockingStub(channel(ClientChannels.plaintext()))
                .bidOnInvoice(bid(INVESTOR))).as("no token")
                .isInstanceOfSatisfying(StatusRuntimeException.class, e ->
                        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
        assertThat(topic.received()).isFalse();
    }

    @Test
    void healthAndReflectionNeedNoToken() {
        try (var probe = new GrpcProbe(ClientChannels.plaintext().to("localhost", port))) {
            assertThat(probe.health("")).isEqualTo(ServingStatus.SERVING);
            assertThat(probe.services()).contains("financing.v1.Commands");
        }
    }

    private void refused(Status.Code code, Caller caller, Consumer<CommandsGrpc.CommandsBlockingStub> call) {
        assertThatThrownBy(() -> call.accept(as(caller))).as(caller.toString())
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(code);
                    assertThat(e.getStatus().getDescription()).startsWith(caller + " may not send");
                });
        assertThat(topic.received()).as("nothing enqueued").isFalse();
    }

    private CommandMessage enqueued() {
        var records = topic.await(1);
        topic.close();
        topic = new TopicTail(SharedInfrastructure.get().kafka().bootstrapServers(), "financing.commands");
        return json.readValue(records.get(0).value(), CommandMessage.class);
    }

    private static BidOnInvoiceCommand bid(UUID investor) {
        return BidOnInvoiceCommand.newBuilder().setInvestorId(uuid(investor.toString())).setInvoiceId(uuid(INVOICE))
                .setBid(money("10")).build();
    }

    private CommandsGrpc.CommandsBlockingStub as(Caller caller) {
        return stub(identity.token(caller));
    }

    private CommandsGrpc.CommandsBlockingStub stub(String token) {
        return CommandsGrpc.newBlockingStub(channel(ClientChannels.plaintext().withToken(token)));
    }

    private ManagedChannel channel(ClientChannels clients) {
        var channel = clients.to("localhost", port);
        channels.add(channel);
        return channel;
    }
}
