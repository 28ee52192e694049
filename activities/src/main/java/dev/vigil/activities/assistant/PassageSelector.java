package dev.vigil.activities.assistant;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits an answer into the units a passage is made of: paragraphs, with a long paragraph cut into sentences, and a
 * run of numbered or bulleted steps kept as one unit (a procedure is never answered half-way). The answering step
 * scores the units by similarity to the query and keeps the best one with as many neighbours as fit.
 */
public final class PassageSelector {
  private static final Pattern STEP = Pattern.compile("^\\s*(\\d+[.)]|[-*•]|step \\d+[:.)]?)\\s+",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[\\p{Lu}\\d\"(`])");
  /** Paragraphs up to this length stay whole; longer ones are cut into sentences. */
  private static final int PARAGRAPH_CHARS = 240;

  private PassageSelector() {}

  /** The answer's units in order. */
  public static List<String> units(String answer) {
    List<String> units = new ArrayList<>();
    for (String paragraph : answer.strip().split("\\n\\s*\\n")) {
      List<String> lines = List.of(paragraph.strip().split("\\n"));
      StringBuilder steps = new StringBuilder();
      StringBuilder prose = new StringBuilder();
      for (String line : lines) {
        if (STEP.matcher(line).find() || (steps.length() > 0 && line.startsWith(" "))) {
          flushProse(prose, units);
          steps.append(steps.length() > 0 ? "\n" : "").append(line.strip());
        } else {
          if (steps.length() > 0) {
            units.add(steps.toString());
            steps.setLength(0);
          }
          prose.append(prose.length() > 0 ? " " : "").append(line.strip());
        }
      }
      flushProse(prose, units);
      if (steps.length() > 0) {
        units.add(steps.toString());
      }
    }
    units.removeIf(String::isBlank);
    return units;
  }

  private static void flushProse(StringBuilder prose, List<String> units) {
    if (prose.length() == 0) {
      return;
    }
    String text = prose.toString().strip();
    if (text.length() <= PARAGRAPH_CHARS) {
      units.add(text);
    } else {
      for (String sentence : SENTENCE_END.split(text)) {
        units.add(sentence.strip());
      }
    }
    prose.setLength(0);
  }

  /**
   * The passage around the best unit: the unit with the highest score, extended by its neighbours (the better
   * scoring side first) while the passage stays within {@code maxChars}. A best unit longer than the limit is
   * returned whole when it is a run of steps, else cut at a sentence boundary by the caller.
   */
  public static String around(List<String> units, double[] scores, int maxChars) {
    if (units.isEmpty()) {
      return "";
    }
    int best = 0;
    for (int i = 1; i < scores.length; i++) {
      if (scores[i] > scores[best]) {
        best = i;
      }
    }
    int from = best;
    int to = best;
    int length = units.get(best).length();
    while (true) {
      int left = from - 1;
      int right = to + 1;
      boolean canLeft = left >= 0 && length + 1 + units.get(left).length() <= maxChars;
      boolean canRight = right < units.size() && length + 1 + units.get(right).length() <= maxChars;
      if (!canLeft && !canRight) {
        break;
      }
      if (canLeft && (!canRight || scores[left] >= scores[right])) {
        from = left;
        length += 1 + units.get(left).length();
      } else {
        to = right;
        length += 1 + units.get(right).length();
      }
    }
    StringBuilder passage = new StringBuilder();
    for (int i = from; i <= to; i++) {
      String unit = units.get(i);
      if (passage.length() > 0) {
        boolean block = unit.contains("\n") || units.get(i - 1).contains("\n");
        passage.append(block ? "\n" : " ");
      }
      passage.append(unit);
    }
    return passage.toString();
  }
}
