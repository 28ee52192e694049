package dev.vigil.starter.web;

import dev.vigil.activities.knowledge.EntryStateException;
import dev.vigil.activities.knowledge.StaleVersionException;
import dev.vigil.activities.notify.SignatureException;
import dev.vigil.starter.erasure.ErasureController;
import dev.vigil.starter.knowledge.KnowledgeController;
import dev.vigil.starter.knowledge.KnowledgeCuration;
import dev.vigil.starter.ticket.TicketExceptions;
import dev.vigil.starter.webhook.InvalidEventException;
import dev.vigil.starter.webhook.PayloadTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Maps failures to JSON errors with the right status; nothing is swallowed, unexpected errors are logged. */
@RestControllerAdvice(annotations = RestController.class)
public class ApiExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(InvalidEventException.class)
  ResponseEntity<ApiError> invalidEvent(InvalidEventException e) {
    return error(HttpStatus.BAD_REQUEST, "invalid_event", e.getMessage(), e.field());
  }

  @ExceptionHandler(SignatureException.class)
  ResponseEntity<ApiError> badSignature(SignatureException e) {
    return error(HttpStatus.UNAUTHORIZED, "invalid_signature", e.getMessage(), null);
  }

  @ExceptionHandler(PayloadTooLargeException.class)
  ResponseEntity<ApiError> tooLarge(PayloadTooLargeException e) {
    return error(HttpStatus.PAYLOAD_TOO_LARGE, "payload_too_large", e.getMessage(), null);
  }

  @ExceptionHandler(TicketExceptions.TicketNotFound.class)
  ResponseEntity<ApiError> notFound(TicketExceptions.TicketNotFound e) {
    return error(HttpStatus.NOT_FOUND, "ticket_not_found", e.getMessage(), null);
  }

  @ExceptionHandler(TicketExceptions.TicketArchived.class)
  ResponseEntity<ApiError> archived(TicketExceptions.TicketArchived e) {
    return error(HttpStatus.CONFLICT, "ticket_archived", e.getMessage(), null);
  }

  @ExceptionHandler(TicketExceptions.ActionRejected.class)
  ResponseEntity<ApiError> rejected(TicketExceptions.ActionRejected e) {
    return error(HttpStatus.CONFLICT, "action_rejected", e.getMessage(), null);
  }

  @ExceptionHandler(TicketExceptions.IdempotencyKeyConflict.class)
  ResponseEntity<ApiError> idempotencyKeyConflict(TicketExceptions.IdempotencyKeyConflict e) {
    return error(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency_key_conflict", e.getMessage(), "Idempotency-Key");
  }

  @ExceptionHandler(TicketExceptions.TemporalUnavailable.class)
  ResponseEntity<ApiError> unavailable(TicketExceptions.TemporalUnavailable e) {
    log.warn("Temporal unavailable: {}", e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, "5")
        .body(new ApiError("temporal_unavailable", e.getMessage(), null));
  }

  @ExceptionHandler(ErasureController.CustomerNotFound.class)
  ResponseEntity<ApiError> customerNotFound(ErasureController.CustomerNotFound e) {
    return error(HttpStatus.NOT_FOUND, "customer_not_found", e.getMessage(), "tenant");
  }

  @ExceptionHandler(KnowledgeController.KnowledgeNotFound.class)
  ResponseEntity<ApiError> knowledgeNotFound(KnowledgeController.KnowledgeNotFound e) {
    return error(HttpStatus.NOT_FOUND, "knowledge_not_found", e.getMessage(), null);
  }

  @ExceptionHandler(KnowledgeCuration.GlobalEntriesAreForAdmins.class)
  ResponseEntity<ApiError> globalForAdmins(KnowledgeCuration.GlobalEntriesAreForAdmins e) {
    return error(HttpStatus.FORBIDDEN, "global_knowledge_is_for_admins", e.getMessage(), "scope");
  }

  @ExceptionHandler(StaleVersionException.class)
  ResponseEntity<ApiError> stale(StaleVersionException e) {
    return error(HttpStatus.CONFLICT, "stale_version", e.getMessage(), "version");
  }

  @ExceptionHandler(EntryStateException.class)
  ResponseEntity<ApiError> entryState(EntryStateException e) {
    return error(HttpStatus.CONFLICT, "invalid_entry_state", e.getMessage(), null);
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<ApiError> invalidRequest(MethodArgumentNotValidException e) {
    var fieldError = e.getBindingResult().getFieldError();
    String field = fieldError == null ? null : fieldError.getField();
    String message = fieldError == null ? "invalid request" : field + " " + fieldError.getDefaultMessage();
    return error(HttpStatus.BAD_REQUEST, "invalid_request", message, field);
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ResponseEntity<ApiError> illegalArgument(IllegalArgumentException e) {
    return error(HttpStatus.BAD_REQUEST, "invalid_request", e.getMessage(), null);
  }

  @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class,
      MissingRequestHeaderException.class, MissingServletRequestParameterException.class})
  ResponseEntity<ApiError> unreadable(Exception e) {
    return error(HttpStatus.BAD_REQUEST, "invalid_request", e.getMessage(), null);
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
    return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", e.getMessage(), null);
  }

  private static ResponseEntity<ApiError> error(HttpStatus status, String code, String message, String field) {
    return ResponseEntity.status(status).body(new ApiError(code, message, field));
  }
}
