package io.financing.console.act;

/** What each of the act page's forms sends, as typed: the listener checks the commands' format, and names the field. */
final class Forms {

    private Forms() {
    }

    record Issuer(String name) {
    }

    record Investor(String name, String balance) {
    }

    record Sale(String issuerId, String askingPrice) {
    }

    record Bid(String investorId, String invoiceId, String amount) {
    }

    /** An approval or a reversal: the invoice it decides on. */
    record Decision(String invoiceId) {
    }

    /** A command sent: its id, for its page, and the invoice a sale made. */
    record Sent(String commandId, String invoiceId) {
    }

    /** A party registered: its id, for its page. */
    record Registered(String partyId) {
    }
}
