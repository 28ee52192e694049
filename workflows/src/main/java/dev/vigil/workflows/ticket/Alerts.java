package dev.vigil.workflows.ticket;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.vigil.workflows.assistant.RiskMatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The alerts risk rules raised on the ticket, and when each rule last alerted (its silence window counts from then).
 * Bounded by {@link TicketBudget#ALERTS} and {@link TicketBudget#ALERTS_BYTES}, texts cut at
 * {@link TicketBudget#ALERT_TEXT_CHARS}; the silence memory keeps the {@link TicketBudget#ALERT_RULES} rules that
 * alerted last.
 */
@JsonAutoDetect(
    fieldVisibility = Visibility.ANY,
    getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE,
    setterVisibility = Visibility.NONE)
public final class Alerts {
  private ArrayList<Alert> alerts = new ArrayList<>();
  private int dropped;
  private LinkedHashMap<String, Instant> lastAlertAt = new LinkedHashMap<>();

  /** Until when {@code match}'s rule stays quiet on this ticket, or null when it may alert at {@code now}. */
  Instant silencedUntil(RiskMatch match, Instant now) {
    Instant last = lastAlertAt.get(match.ruleId());
    if (last == null || match.silence() == null || !now.isBefore(last.plus(match.silence()))) {
      return null;
    }
    return last.plus(match.silence());
  }

  /** Raises the alert of {@code match} at {@code now} (whether it is silenced is the caller's question). */
  Alert raise(RiskMatch match, Instant now) {
    Alert alert = new Alert(match.ruleId(), match.level(), Texts.cap(match.description(),
        TicketBudget.ALERT_TEXT_CHARS), Texts.cap(match.evidence(), TicketBudget.ALERT_TEXT_CHARS), now);
    alerts.add(alert);
    dropped += Bounded.trim(alerts, TicketBudget.ALERTS, TicketBudget.ALERTS_BYTES,
        a -> Texts.cost(130, a.ruleId(), a.description(), a.evidence()));
    lastAlertAt.remove(match.ruleId());
    lastAlertAt.put(match.ruleId(), now);
    if (lastAlertAt.size() > TicketBudget.ALERT_RULES) {
      lastAlertAt.remove(lastAlertAt.keySet().iterator().next());
    }
    return alert;
  }

  List<Alert> alerts() {
    return List.copyOf(alerts);
  }

  int dropped() {
    return dropped;
  }
}
