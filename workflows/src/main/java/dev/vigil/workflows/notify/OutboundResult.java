package dev.vigil.workflows.notify;

/** What became of an outbound message: its status, the receiver's HTTP status when it answered, and a detail. */
public record OutboundResult(SendStatus status, int httpStatus, String detail) {

  public boolean delivered() {
    return status == SendStatus.DELIVERED;
  }
}
