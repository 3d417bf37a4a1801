package io.financing.query.issuer;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

public interface IssuerRows extends JpaRepository<IssuerRow, UUID> {

    /** A page of the list, oldest first: those created after {@code position}. */
    List<IssuerRow> findByCreatedPositionGreaterThanOrderByCreatedPosition(long position, Limit limit);
}
