package io.financing.service.investor;

import io.financing.eventstore.AggregateRepository;
import io.financing.eventstore.EventMetadata;
import io.financing.eventstore.StoredEvent;
import io.financing.api.Money;
import java.util.List;
import java.util.UUID;

/** Rule 2: whenever an investor is registered, create it with its balance; one that exists is left alone. */
public final class RegisteringInvestor {

    private final AggregateRepository<Investor, InvestorEvent> investors;

    public RegisteringInvestor(AggregateRepository<Investor, InvestorEvent> investors) {
        this.investors = investors;
    }

    public List<StoredEvent> handle(UUID investorId, Money balance, EventMetadata metadata) {
        if (investors.contains(investorId)) {
            return List.of();
        }
        return investors.save(Investor.create(investorId, balance), metadata).events();
    }
}
