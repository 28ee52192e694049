package dev.vigil.workflows.ticket;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** An analyst's rating of a suggestion; {@code like} or {@code dislike} on the wire. */
public enum Rating {
  LIKE,
  DISLIKE;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The rating named {@code value} ({@code like}, {@code dislike}), if it is one. */
  public static Optional<Rating> parse(String value) {
    return Arrays.stream(values()).filter(r -> r.wireName().equals(value)).findFirst();
  }

  @JsonCreator
  public static Rating fromWire(String value) {
    return parse(value).orElseThrow(() -> new IllegalArgumentException("rating must be like or dislike, not "
        + value));
  }
}
