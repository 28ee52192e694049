package dev.vigil.activities.learning;

import dev.vigil.workflows.learning.ClosedTicket;
import dev.vigil.workflows.learning.LearningActivities;
import dev.vigil.workflows.learning.LearningOutcome;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Learning activities backed by the closed-ticket ledger on disk. */
public class LearningActivitiesImpl implements LearningActivities {
  private static final Logger log = LoggerFactory.getLogger(LearningActivitiesImpl.class);

  private final ClosedTicketLedger ledger;
  private final Clock clock;

  public LearningActivitiesImpl(ClosedTicketLedger ledger, Clock clock) {
    this.ledger = ledger;
    this.clock = clock;
  }

  @Override
  public LearningOutcome recordClosedTicket(ClosedTicket ticket) {
    Path where = ledger.write(ticket);
    log.info("recorded closed ticket {} (closing #{}) at {}", ticket.ticket().ticketId(), ticket.closeNumber(), where);
    return new LearningOutcome(ticket.ticket().ticketId(), ticket.closeNumber(), where.toString(), clock.instant());
  }
}
