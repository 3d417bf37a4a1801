package io.financing.query.invoice;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

public interface InvoiceRows extends JpaRepository<InvoiceRow, UUID> {

    /** A page of the list, oldest first: those created after {@code position}. */
    List<InvoiceRow> findByCreatedPositionGreaterThanOrderByCreatedPosition(long position, Limit limit);
}
