package dev.vigil.starter.ticket;

import dev.vigil.workflows.ticket.Priority;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Request bodies of the analyst actions in the REST API. */
public final class AnalystActions {
  private AnalystActions() {}

  /** Post a message to the customer. */
  public record PostMessage(@NotBlank @Size(max = 32_000) String text) {}

  /** Assign the ticket to an analyst. */
  public record Assign(@NotBlank @Size(max = 200) String analystId, @Size(max = 200) String name) {}

  /** Change the ticket's priority. */
  public record ChangePriority(@NotNull Priority priority) {}

  /** Send an edited version of a suggestion to the customer. */
  public record EditSuggestion(@NotBlank @Size(max = 32_000) String text) {}

  /** Dismiss a suggestion, optionally saying why. */
  public record DismissSuggestion(@Size(max = 2_000) String reason) {}

  /** Rate a suggestion. */
  public record RateSuggestion(@NotNull @jakarta.validation.constraints.Pattern(regexp = "like|dislike") String rating) {}

  /** Resolve the ticket; the note is what learning weighs most. */
  public record Resolve(@Size(max = 20_000) String note) {}
}
