package dev.vigil.activities.connector;

import dev.vigil.workflows.notify.OutboundKind;
import dev.vigil.workflows.ticket.Priority;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How one system receives the changes analysts make in Vigil ({@code vigil.connectors.<source>.write-back.*}). Where
 * Vigil's value has no counterpart in the system it refuses ({@link ChangeNotWritable}) rather than guess.
 *
 * @param assignees Vigil analyst id (any case) → the system's user (Zendesk user id, Jira account id, Zammad user
 *     id, GitHub login); an analyst not listed is not written
 * @param priorities {@code P1}…{@code P4} → the system's priority name (GitHub: label); replaces the system's
 *     default for the levels listed
 * @param resolvedStatus the status a resolution writes (null: the system's default)
 * @param closedStatus the status closing writes (null: the system's default)
 */
public record WriteBack(Map<String, String> assignees, Map<String, String> priorities, String resolvedStatus,
    String closedStatus) {

  public WriteBack {
    Map<String, String> byAnalyst = new HashMap<>();
    if (assignees != null) {
      assignees.forEach((analyst, user) -> byAnalyst.put(analyst.strip().toLowerCase(Locale.ROOT), user.strip()));
    }
    assignees = Map.copyOf(byAnalyst);
    Map<String, String> byLevel = new HashMap<>();
    if (priorities != null) {
      priorities.forEach((level, name) -> byLevel.put(level.strip().toUpperCase(Locale.ROOT), name.strip()));
    }
    for (String level : byLevel.keySet()) {
      try {
        Priority.valueOf(level);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("write-back priorities: '" + level + "' is not one of P1, P2, P3, P4");
      }
    }
    priorities = Map.copyOf(byLevel);
    resolvedStatus = blankToNull(resolvedStatus);
    closedStatus = blankToNull(closedStatus);
  }

  /** No mapping: the systems' defaults, and no analyst written. */
  public static WriteBack defaults() {
    return new WriteBack(Map.of(), Map.of(), null, null);
  }

  /** The system's user for a Vigil analyst, or {@link ChangeNotWritable} naming the setting to add. */
  public String assignee(String source, String analystId) {
    String user = analystId == null ? null : assignees.get(analystId.strip().toLowerCase(Locale.ROOT));
    if (user == null || user.isEmpty()) {
      throw new ChangeNotWritable("no " + source + " user is mapped for analyst '" + analystId + "': set "
          + "vigil.connectors." + source + ".write-back.assignees." + analystId + "=<" + source + " user>");
    }
    return user;
  }

  /** Whether {@code vendorUser} is the system's user mapped to Vigil analyst {@code analystId}. */
  public boolean isUserOf(String analystId, String vendorUser) {
    return analystId != null && vendorUser != null
        && vendorUser.equals(assignees.get(analystId.strip().toLowerCase(Locale.ROOT)));
  }

  /** The system's priority for {@code value} ({@code P1}…): configured, else {@code defaults}. */
  public String priority(String source, String value, Map<Priority, String> defaults) {
    return table(defaults).get(parse(source, value));
  }

  /**
   * Every Vigil priority written as the same system value as {@code value}: what the system's webhook may report
   * back (a system with three levels writes P1 and P2 alike).
   */
  public Set<String> prioritiesLike(String source, String value, Map<Priority, String> defaults) {
    Map<Priority, String> table = table(defaults);
    String written = table.get(parse(source, value));
    Set<String> alike = new LinkedHashSet<>();
    table.forEach((level, name) -> {
      if (name.equalsIgnoreCase(written)) {
        alike.add(level.name());
      }
    });
    return alike;
  }

  /** The status a resolve or close writes: configured, else the system's default. */
  public String status(OutboundKind kind, String defaultResolved, String defaultClosed) {
    return switch (kind) {
      case RESOLVED -> resolvedStatus == null ? defaultResolved : resolvedStatus;
      case CLOSED -> closedStatus == null ? defaultClosed : closedStatus;
      default -> throw new IllegalArgumentException(kind + " does not change the status");
    };
  }

  private Map<Priority, String> table(Map<Priority, String> defaults) {
    Map<Priority, String> table = new EnumMap<>(defaults);
    priorities.forEach((level, name) -> table.put(Priority.valueOf(level), name));
    return table;
  }

  private static Priority parse(String source, String value) {
    try {
      return Priority.valueOf(value == null ? "" : value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ChangeNotWritable("priority '" + value + "' is not one of P1, P2, P3, P4; nothing written to "
          + source);
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
