package dev.vigil.activities.learning.redaction;

import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One detector of the redactor: what it finds, and what a match becomes ({@code null} keeps the match as it is).
 * A replacement may give back the end of its match ("placeholder + rest") when the pattern took more than the value.
 */
public record RedactionRule(Kind kind, Pattern pattern, Function<Matcher, String> replacement) {

  /** A rule whose every match becomes the kind's placeholder. */
  static RedactionRule whole(Kind kind, Pattern pattern) {
    return new RedactionRule(kind, pattern, m -> kind.placeholder());
  }

  /** A rule whose matches become the kind's placeholder when {@code accept} holds for the matched text. */
  static RedactionRule checked(Kind kind, Pattern pattern, Predicate<String> accept) {
    return new RedactionRule(kind, pattern, m -> accept.test(m.group()) ? kind.placeholder() : null);
  }
}
