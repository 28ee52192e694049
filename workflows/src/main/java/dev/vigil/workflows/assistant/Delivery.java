package dev.vigil.workflows.assistant;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a tenant wants Vigil's answers delivered; {@code suggest}, {@code auto} or {@code off} in settings and JSON. */
public enum Delivery {
  /** Answers are offered to the analyst. */
  SUGGEST,
  /** Confident answers go to the customer unless an analyst replies first. */
  AUTO,
  /** The assistant stays silent for the tenant. */
  OFF;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The delivery named {@code value}, if it is one. */
  public static Optional<Delivery> parse(String value) {
    return Arrays.stream(values()).filter(d -> d.wireName().equals(value)).findFirst();
  }

  @JsonCreator
  public static Delivery fromWire(String value) {
    return parse(value).orElseThrow(() -> new IllegalArgumentException("delivery must be suggest, auto or off, not "
        + value));
  }
}
