package dev.vigil.activities.learning.redaction;

/** What a redacted value was; its placeholder ({@code <email>}) takes the value's place in the text. */
public enum Kind {
  EMAIL("email"),
  PHONE("phone"),
  API_KEY("api-key"),
  PRIVATE_KEY("private-key"),
  PASSWORD("password"),
  IPV4("ipv4"),
  IPV6("ipv6"),
  MAC("mac"),
  CREDENTIALS("credentials"),
  ACCOUNT_ID("account-id"),
  INSTANCE_ID("instance-id"),
  REQUEST_ID("request-id"),
  CARD_NUMBER("card-number"),
  IBAN("iban"),
  NATIONAL_ID("national-id"),
  PASSPORT("passport"),
  DATE_OF_BIRTH("date-of-birth"),
  ADDRESS("address"),
  NAME("name");

  private final String wireName;

  Kind(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public String placeholder() {
    return "<" + wireName + ">";
  }
}
