package io.financing.query.command;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CommandStatusRows extends JpaRepository<CommandStatusRow, UUID> {
}
