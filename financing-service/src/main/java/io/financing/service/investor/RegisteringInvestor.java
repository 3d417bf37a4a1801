package io.financing.service.investor;

import io.financing.api.Money;
import io.financing.eventstore.EventMetadata;
import io.financing.eventstore.NewEvent;
import io.financing.service.Aggregates;
import java.util.List;
import java.util.UUID;

/** Rule 2: whenever an investor is registered, create it with its balance; one that exists is left alone. */
public final class RegisteringInvestor {

    private final Aggregates<Investor> investors;

    public RegisteringInvestor(Aggregates<Investor> investors) {
        this.investors = investors;
    }

    public List<NewEvent> handle(UUID investorId, Money balance, EventMetadata metadata) {
        if (investors.exists(investorId)) {
            return List.of();
        }
        return investors.add(Investor.create(investorId, balance), metadata);
    }
}
