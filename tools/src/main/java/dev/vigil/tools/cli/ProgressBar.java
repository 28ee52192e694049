package dev.vigil.tools.cli;

import java.io.PrintStream;

/** A one-line progress bar on a terminal; on a pipe or file it prints a line every tenth of the way instead. */
public final class ProgressBar {
  private static final int WIDTH = 30;

  private final PrintStream out;
  private final String label;
  private final long total;
  private final boolean interactive;
  private long lastDecile = -1;

  public ProgressBar(PrintStream out, String label, long total) {
    this.out = out;
    this.label = label;
    this.total = Math.max(total, 1);
    this.interactive = System.console() != null;
  }

  public void update(long done) {
    int percent = (int) (done * 100 / total);
    if (interactive) {
      int filled = (int) (done * WIDTH / total);
      out.print("\r" + label + " [" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + done + "/" + total
          + " (" + percent + "%)");
      out.flush();
    } else if (percent / 10 != lastDecile) {
      lastDecile = percent / 10;
      out.println(label + ": " + done + "/" + total + " (" + percent + "%)");
    }
  }

  /**
   * Progress without a known total (items read page by page): the count and a detail, redrawn in place on a
   * terminal, a line every {@code every} items elsewhere.
   */
  public void count(long done, String detail, int every) {
    if (interactive) {
      out.print("\r" + label + ": " + done + " " + detail);
      out.flush();
    } else if (done % every == 0) {
      out.println(label + ": " + done + " " + detail);
    }
  }

  public void finish() {
    if (interactive) {
      out.println();
    }
  }
}
