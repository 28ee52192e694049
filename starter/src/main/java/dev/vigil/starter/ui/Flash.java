package dev.vigil.starter.ui;

import dev.vigil.activities.knowledge.EntryStateException;
import dev.vigil.activities.knowledge.StaleVersionException;
import dev.vigil.starter.ticket.TicketExceptions;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Runs a form's action and reports its outcome on the page the browser is sent back to: a notice when it applied,
 * an error saying why when it did not (invalid input, refused by the ticket, stale version, Temporal down). Form
 * input is checked with the same bean-validation rules as the REST API's request bodies.
 */
@Component
class Flash {
  static final String NOTICE = "notice";
  static final String ERROR = "error";

  private final Validator validator;

  Flash(Validator validator) {
    this.validator = validator;
  }

  /** The body's validation errors as one sentence, or null when it is valid. */
  <T> String invalid(T body) {
    Set<ConstraintViolation<T>> violations = validator.validate(body);
    if (violations.isEmpty()) {
      return null;
    }
    return violations.stream()
        .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
        .map(v -> v.getPropertyPath() + " " + v.getMessage())
        .collect(Collectors.joining("; "));
  }

  /** Validates the body, then runs the action; the redirect target is returned either way. */
  <T> String run(RedirectAttributes flash, String redirect, T body, String done, Supplier<?> action) {
    String problem = body == null ? null : invalid(body);
    if (problem != null) {
      flash.addFlashAttribute(ERROR, "Not applied: " + problem + ".");
      return redirect;
    }
    try {
      action.get();
      flash.addFlashAttribute(NOTICE, done);
    } catch (IllegalArgumentException | TicketExceptions.ActionRejected | TicketExceptions.IdempotencyKeyConflict
        | EntryStateException e) {
      flash.addFlashAttribute(ERROR, "Not applied: " + e.getMessage());
    } catch (StaleVersionException e) {
      flash.addFlashAttribute(ERROR, "Not applied: someone changed it meanwhile (" + e.getMessage()
          + "). The page now shows the current version.");
    } catch (TicketExceptions.TemporalUnavailable e) {
      flash.addFlashAttribute(ERROR, "Not applied: Temporal is unavailable. Nothing changed; try again shortly.");
    }
    return redirect;
  }
}
