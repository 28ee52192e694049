package dev.vigil.workflows.notify;

/** What became of an outbound message: {@code delivered} (with the HTTP status) or {@code not_configured}. */
public record OutboundResult(String status, int httpStatus, String detail) {}
