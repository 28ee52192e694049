package dev.vigil.starter.ui;

import dev.vigil.starter.knowledge.KnowledgeController;
import dev.vigil.starter.knowledge.KnowledgeCuration;
import dev.vigil.starter.live.TicketWatch;
import dev.vigil.starter.ticket.TicketExceptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.ModelAndView;

/** Failures of page reads as pages: a missing ticket or entry is a 404 page, Temporal being down a 503 page. */
@ControllerAdvice(basePackageClasses = UiExceptionHandler.class)
public class UiExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(UiExceptionHandler.class);

  /** Thrown where a page must look exactly like a missing one (the status page's wrong token). */
  public static class PageNotFound extends RuntimeException {
    public PageNotFound() {
      super("not found");
    }
  }

  @ExceptionHandler({TicketExceptions.TicketNotFound.class, KnowledgeController.KnowledgeNotFound.class,
      PageNotFound.class})
  @ResponseStatus(HttpStatus.NOT_FOUND)
  ModelAndView notFound(RuntimeException e) {
    return problem("Not found", e instanceof PageNotFound ? "There is nothing here." : e.getMessage());
  }

  /** A live stream refused for load: the browser's EventSource retries later; the page itself works. */
  @ExceptionHandler(TicketWatch.TooManyStreams.class)
  ResponseEntity<Void> tooManyStreams(TicketWatch.TooManyStreams e) {
    log.warn("{}", e.getMessage());
    return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, "60").build();
  }

  @ExceptionHandler(KnowledgeCuration.GlobalEntriesAreForAdmins.class)
  @ResponseStatus(HttpStatus.FORBIDDEN)
  ModelAndView globalForAdmins(KnowledgeCuration.GlobalEntriesAreForAdmins e) {
    return problem("Only admins change global knowledge", e.getMessage());
  }

  @ExceptionHandler(IllegalArgumentException.class)
  @ResponseStatus(HttpStatus.BAD_REQUEST)
  ModelAndView badRequest(IllegalArgumentException e) {
    return problem("Invalid request", e.getMessage());
  }

  @ExceptionHandler(TicketExceptions.TemporalUnavailable.class)
  @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
  ModelAndView unavailable(TicketExceptions.TemporalUnavailable e) {
    log.warn("Temporal unavailable while rendering a page: {}", e.getCause() == null ? e : e.getCause().toString());
    return problem("Temporal is unavailable", "Tickets cannot be read right now; reload in a few seconds.");
  }

  private static ModelAndView problem(String title, String detail) {
    ModelAndView page = new ModelAndView("problem");
    page.addObject("title", title);
    page.addObject("detail", detail);
    return page;
  }
}
