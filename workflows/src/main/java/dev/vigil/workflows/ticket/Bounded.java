package dev.vigil.workflows.ticket;

import java.util.List;
import java.util.function.ToIntFunction;

/** Trims a list that grows at its end to its budget: the oldest go first, the newest is always kept. */
final class Bounded {

  private Bounded() {}

  /**
   * Removes the oldest items until at most {@code maxCount} remain and they cost at most {@code maxCost} together
   * (see {@link Texts#cost}); never removes the last one. Returns how many were removed.
   */
  static <T> int trim(List<T> items, int maxCount, int maxCost, ToIntFunction<T> cost) {
    int total = 0;
    for (T item : items) {
      total += cost.applyAsInt(item);
    }
    int dropped = 0;
    while (items.size() > 1 && (items.size() > maxCount || total > maxCost)) {
      total -= cost.applyAsInt(items.remove(0));
      dropped++;
    }
    return dropped;
  }
}
