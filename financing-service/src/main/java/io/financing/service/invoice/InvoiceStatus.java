package io.financing.service.invoice;

/** Where an invoice is in its life: AVAILABLE, then FINANCED by a bid, then APPROVED or REVERSED (both final). */
public enum InvoiceStatus {
    AVAILABLE, FINANCED, APPROVED, REVERSED
}
