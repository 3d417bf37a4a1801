package io.financing.api.saga;

import static org.assertj.core.api.Assertions.assertThat;

import io.financing.api.saga.Settling.Caused;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A bid's conversation: the command produced "placed", whose step produced "financed", whose step released. */
class SettlingTest {

    private static final UUID COMMAND = UUID.randomUUID();
    private static final UUID PLACED = UUID.randomUUID();
    private static final UUID FINANCED = UUID.randomUUID();
    private static final UUID RELEASED = UUID.randomUUID();

    private static final Caused placed = new Caused(PLACED, COMMAND, true);
    private static final Caused financedAboveThePrice = new Caused(FINANCED, PLACED, true);
    private static final Caused financedAtThePrice = new Caused(FINANCED, PLACED, false);
    private static final Caused released = new Caused(RELEASED, FINANCED, false);

    @Test
    void aCommandWhoseOutcomeIsUnknownIsNotSettled() {
        assertThat(Settling.settled(Optional.empty(), List.of())).isFalse();
    }

    @Test
    void aRejectedCommandProducedNothingAndIsSettledAtOnce() {
        assertThat(Settling.settled(Optional.of(List.of()), List.of())).isTrue();
    }

    @Test
    void aCommandIsNotSettledBeforeTheEventsItProducedAreThere() {
        assertThat(Settling.settled(Optional.of(List.of(PLACED)), List.of())).isFalse();
    }

    @Test
    void aCommandIsNotSettledWhileAStepIsStillToCome() {
        assertThat(Settling.settled(Optional.of(List.of(PLACED)), List.of(placed))).isFalse();
        assertThat(Settling.settled(Optional.of(List.of(PLACED)), List.of(placed, financedAboveThePrice))).isFalse();
    }

    @Test
    void aCommandIsSettledOnceEveryStepItCalledForWasTaken() {
        assertThat(Settling.settled(Optional.of(List.of(PLACED)), List.of(placed, financedAboveThePrice, released)))
                .isTrue();
        assertThat(Settling.settled(Optional.of(List.of(PLACED)), List.of(placed, financedAtThePrice))).isTrue();
    }
}
