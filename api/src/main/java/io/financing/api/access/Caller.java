package io.financing.api.access;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.financing.api.CanonicalUuid;
import io.financing.api.command.ApproveFinancing;
import io.financing.api.command.BidOnInvoice;
import io.financing.api.command.Command;
import io.financing.api.command.ReverseFinancing;
import io.financing.api.command.SellInvoice;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Who sends a command or asks a query, as the bearer token says: a party (an issuer or an investor, its
 * {@code sub} being the party's id) or an operator (by name). Who may do what is decided here, once, for
 * the listener, the invoice and the query side:
 * <ul>
 *   <li>an operator may do everything;</li>
 *   <li>an issuer sells its own invoices, and decides on the financing of its own invoices;</li>
 *   <li>an investor bids with its own balance, and reads its own row;</li>
 *   <li>a party reads what became of its own commands.</li>
 * </ul>
 *
 * @param subject the token's {@code sub}: a party's id in canonical text, or an operator's name
 */
public record Caller(Role role, String subject) {

    /** The token's {@code role} claim. */
    public enum Role {
        @JsonProperty("issuer") ISSUER,
        @JsonProperty("investor") INVESTOR,
        @JsonProperty("operator") OPERATOR;

        /** The role a claim names ({@code "issuer"}), if it names one. */
        public static Optional<Role> ofClaim(String claim) {
            for (Role role : values()) {
                if (role.claim().equals(claim)) {
                    return Optional.of(role);
                }
            }
            return Optional.empty();
        }

        /** As the token's {@code role} claim says it. */
        public String claim() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Whoever calls while authentication is off: nobody is known, and everybody may do everything, as
     * an operator may.
     */
    public static final Caller ANYONE = new Caller(Role.OPERATOR, "anyone (authentication off)");

    public Caller {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(subject, "subject");
    }

    public static Caller issuer(UUID issuerId) {
        return new Caller(Role.ISSUER, issuerId.toString());
    }

    public static Caller investor(UUID investorId) {
        return new Caller(Role.INVESTOR, investorId.toString());
    }

    public static Caller operator(String name) {
        return new Caller(Role.OPERATOR, name);
    }

    @JsonIgnore
    public boolean isOperator() {
        return role == Role.OPERATOR;
    }

    /** Whether this caller is that party, or an operator, who may act for every party. */
    public boolean actsFor(Role partyRole, UUID party) {
        return isOperator() || partyId(partyRole).map(party::equals).orElse(false);
    }

    /** The party this caller is, if it is one of that role: an investor's own id, say. */
    public Optional<UUID> partyId(Role partyRole) {
        return role == partyRole ? CanonicalUuid.parse(subject) : Optional.empty();
    }

    /** Whether this caller is that caller, or an operator: who may read what a caller's commands became. */
    public boolean actsFor(Caller other) {
        return isOperator() || (role == other.role && subject.equalsIgnoreCase(other.subject));
    }

    /**
     * Whether this caller may send the command. A decision on an invoice is only for its own issuer,
     * which only the invoice knows: here any issuer may send one, and the invoice rejects it from
     * another ({@link #notTheIssuerOf}).
     */
    public boolean maySend(Command command) {
        return switch (command) {
            case SellInvoice sell -> actsFor(Role.ISSUER, sell.issuerId());
            case BidOnInvoice bid -> actsFor(Role.INVESTOR, bid.investorId());
            case ApproveFinancing approve -> mayDecideOnFinancing();
            case ReverseFinancing reverse -> mayDecideOnFinancing();
        };
    }

    private boolean mayDecideOnFinancing() {
        return isOperator() || role == Role.ISSUER;
    }

    /** Why the invoice rejects this caller's decision, if it does: it is not the invoice's issuer. */
    public Optional<String> notTheIssuerOf(UUID invoiceId, UUID issuerId) {
        return actsFor(Role.ISSUER, issuerId)
                ? Optional.empty()
                : Optional.of(this + " is not the issuer of invoice " + invoiceId);
    }

    /** "Issuer 4f0c…", "Operator ops": as reasons and logs name the caller. */
    @Override
    public String toString() {
        String role = role().claim();
        return Character.toUpperCase(role.charAt(0)) + role.substring(1) + " " + subject;
    }
}
