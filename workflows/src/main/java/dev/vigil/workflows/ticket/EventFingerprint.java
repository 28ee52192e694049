package dev.vigil.workflows.ticket;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * What the de-duplication memory keeps of an event id: 96 bits of its SHA-256, 16 characters whatever the id's
 * length (ids of up to 200 characters are accepted), so the memory's size is fixed by its count. Two distinct ids
 * among the remembered thousands collide with a probability below 10^-22.
 */
final class EventFingerprint {

  private EventFingerprint() {}

  static String of(String eventId) {
    return digest(eventId);
  }

  /**
   * What an event asks for — its type, ticket fields, message, analyst, note and feedback — without when it was
   * sent or by whom, so a retry of the same action has the same content fingerprint and another action does not.
   */
  static String ofContent(TicketEvent event) {
    return digest(event.type() + "|" + event.ticket() + "|" + event.message() + "|" + event.analyst() + "|"
        + event.resolutionNote() + "|" + event.feedback());
  }

  private static String digest(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 12));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
