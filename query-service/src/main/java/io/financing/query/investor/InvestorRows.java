package io.financing.query.investor;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

public interface InvestorRows extends JpaRepository<InvestorRow, UUID> {

    /** A page of the list, oldest first: those created after {@code position}. */
    List<InvestorRow> findByCreatedPositionGreaterThanOrderByCreatedPosition(long position, Limit limit);

    /** The same page, holding at most that investor's own row. */
    List<InvestorRow> findByIdAndCreatedPositionGreaterThanOrderByCreatedPosition(UUID id, long position, Limit limit);
}
