package io.financing.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.financing.api.access.Caller.Role;
import io.financing.api.command.ApproveFinancing;
import io.financing.api.command.BidOnInvoice;
import io.financing.api.command.ReverseFinancing;
import io.financing.api.command.SellInvoice;
import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Who may do what: a party acts for itself only, an operator for everyone. */
class CallerTest {

    private static final UUID ISSUER = UUID.randomUUID();
    private static final UUID INVESTOR = UUID.randomUUID();
    private static final UUID INVOICE = UUID.randomUUID();

    @Test
    void anIssuerSellsItsOwnInvoicesAndMaySendDecisionsButNoBids() {
        Caller issuer = Caller.issuer(ISSUER);

        assertThat(issuer.maySend(new SellInvoice(INVOICE, ISSUER, BigDecimal.TEN))).isTrue();
        assertThat(issuer.maySend(new SellInvoice(INVOICE, UUID.randomUUID(), BigDecimal.TEN))).isFalse();
        assertThat(issuer.maySend(new ApproveFinancing(INVOICE))).isTrue();
        assertThat(issuer.maySend(new ReverseFinancing(INVOICE))).isTrue();
        assertThat(issuer.maySend(new BidOnInvoice(ISSUER, INVOICE, BigDecimal.TEN))).isFalse();
    }

    @Test
    void anInvestorBidsForItselfOnly() {
        Caller investor = Caller.investor(INVESTOR);

        assertThat(investor.maySend(new BidOnInvoice(INVESTOR, INVOICE, BigDecimal.TEN))).isTrue();
        assertThat(investor.maySend(new BidOnInvoice(UUID.randomUUID(), INVOICE, BigDecimal.TEN))).isFalse();
        assertThat(investor.maySend(new SellInvoice(INVOICE, INVESTOR, BigDecimal.TEN))).isFalse();
        assertThat(investor.maySend(new ApproveFinancing(INVOICE))).isFalse();
    }

    @Test
    void anOperatorAndAnyoneWhileAuthenticationIsOffActForEveryParty() {
        for (Caller everyone : new Caller[] {Caller.operator("ops"), Caller.ANYONE}) {
            assertThat(everyone.actsFor(Role.INVESTOR, INVESTOR)).isTrue();
            assertThat(everyone.actsFor(Caller.issuer(ISSUER))).isTrue();
            assertThat(everyone.notTheIssuerOf(INVOICE, ISSUER)).isEmpty();
        }
    }

    @Test
    void theInvoiceSaysWhyAnotherIssuersDecisionIsRejected() {
        Caller another = Caller.issuer(UUID.randomUUID());

        assertThat(Caller.issuer(ISSUER).notTheIssuerOf(INVOICE, ISSUER)).isEmpty();
        assertThat(another.notTheIssuerOf(INVOICE, ISSUER))
                .contains("Issuer " + another.subject() + " is not the issuer of invoice " + INVOICE);
    }

    @Test
    void aSubjectThatIsNoPartysIdActsForNoParty() {
        assertThat(new Caller(Role.INVESTOR, "not-a-uuid").partyId(Role.INVESTOR)).isEmpty();
        assertThat(new Caller(Role.INVESTOR, INVESTOR.toString().toUpperCase()).actsFor(Role.INVESTOR, INVESTOR)).isTrue();
        assertThat(Caller.investor(INVESTOR).actsFor(Role.ISSUER, INVESTOR)).isFalse();
    }

    @Test
    void isWrittenWithTheRoleAsTheTokensClaimSaysIt() {
        var json = JsonMapper.builder().build();
        String written = json.writeValueAsString(Caller.investor(INVESTOR));

        assertThat(written).isEqualTo("{\"role\":\"investor\",\"subject\":\"" + INVESTOR + "\"}");
        assertThat(json.readValue(written, Caller.class)).isEqualTo(Caller.investor(INVESTOR));
        assertThat(Role.ofClaim("operator")).contains(Role.OPERATOR);
        assertThat(Role.ofClaim("admin")).isEmpty();
    }
}
