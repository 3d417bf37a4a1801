package io.financing.eventstore;

import static io.financing.eventstore.AggregateFixture.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.financing.eventstore.Account.Deposited;
import io.financing.eventstore.Account.InsufficientFunds;
import io.financing.eventstore.Account.Opened;
import io.financing.eventstore.Account.Withdrawn;
import org.junit.jupiter.api.Test;

/** The aggregate base through a tiny aggregate: given events, when a command, then events. */
class AccountTest {

    @Test
    void aDepositIsRecordedAndApplied() {
        Account account = given(Account::new, new Opened("ann"))
                .when(a -> a.deposit(100))
                .then(new Deposited(100));

        assertThat(account.balance()).isEqualTo(100);
        assertThat(account.version()).isEqualTo(1);
    }

    @Test
    void withdrawingWhatTheBalanceCoversIsRecorded() {
        given(Account::new, new Opened("ann"), new Deposited(100))
                .when(a -> a.withdraw(100))
                .then(new Withdrawn(100));
    }

    @Test
    void withdrawingMoreThanTheBalanceIsRejectedAndRecordsNothing() {
        InsufficientFunds rejection = given(Account::new, new Opened("ann"), new Deposited(100), new Withdrawn(30))
                .when(a -> a.withdraw(71))
                .thenRejected(InsufficientFunds.class);

        assertThat(rejection).hasMessage("Balance is 70, cannot withdraw 71");
    }

    @Test
    void severalCommandsRecordTheirEventsInOrder() {
        given(Account::new, new Opened("ann"))
                .when(a -> {
                    a.deposit(10);
                    a.withdraw(4);
                })
                .then(new Deposited(10), new Withdrawn(4));
    }

    @Test
    void aNewAggregateHasVersionZeroAndItsCreationAsItsFirstChange() {
        Account account = Account.open(java.util.UUID.randomUUID(), "bob");

        assertThat(account.version()).isZero();
        assertThat(account.changes()).containsExactly(new Opened("bob"));
        assertThat(account.owner()).isEqualTo("bob");
    }
}
