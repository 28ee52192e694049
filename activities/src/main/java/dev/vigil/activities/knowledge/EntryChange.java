package dev.vigil.activities.knowledge;

/**
 * Why a version of an entry was written: the audit-log line carried by every stored version.
 *
 * @param action what happened: {@code created}, {@code imported}, {@code learned}, {@code merged}, {@code kept},
 *     {@code modified}, {@code retired}, {@code restored}, {@code reverted}, {@code approved}, {@code edited}
 * @param reason why, in words an analyst can check
 * @param actor who or what made the change ({@code learning}, {@code import}, a user name)
 * @param ref the idempotency key of the change (a learning step), so a retried step never applies twice; may be null
 */
public record EntryChange(String action, String reason, String actor, String ref) {

  public static EntryChange by(String actor, String action, String reason) {
    return new EntryChange(action, reason, actor, null);
  }
}
