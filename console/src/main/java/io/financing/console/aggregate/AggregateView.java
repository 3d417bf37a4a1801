package io.financing.console.aggregate;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An aggregate both ways: its events in the event store beside its row in the read model. Either side may be missing,
 * said in words, while the other is shown.
 *
 * @param type              Investor, Invoice or Issuer; null while neither side knows it
 * @param eventStoreTrouble why the events are missing, or null
 * @param row               the read model's row, or null
 * @param readModelTrouble  why the row is missing, or null
 */
record AggregateView(UUID id, String type, List<StoredEvent> events, String eventStoreTrouble,
                     Map<String, String> row, String readModelTrouble) {
}
