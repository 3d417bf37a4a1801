package io.financing.listener;

import io.financing.api.v1.Money;
import io.financing.api.v1.SellInvoiceCommand;
import io.financing.api.v1.UUID;

/** Builds the gRPC requests the tests send, as a client would write them. */
public final class Requests {

    public static final String ISSUER = "5f0c6a9e-3c1b-4c57-9a55-0f8b2f6c1d11";
    public static final String INVESTOR = "a1b2c3d4-0000-4000-8000-0000000000aa";
    public static final String INVOICE = "c0ffee00-0000-4000-8000-0000000000bb";

    private Requests() {
    }

    public static SellInvoiceCommand sellInvoice(String issuerId, String askingPrice, String commandId) {
        return SellInvoiceCommand.newBuilder()
                .setIssuerId(uuid(issuerId)).setAskingPrice(money(askingPrice)).setCommandId(commandId).build();
    }

    public static UUID uuid(String value) {
        return UUID.newBuilder().setValue(value).build();
    }

    public static Money money(String amount) {
        return Money.newBuilder().setAmount(amount).build();
    }
}
