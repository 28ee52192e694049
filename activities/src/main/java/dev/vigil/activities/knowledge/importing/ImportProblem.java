package dev.vigil.activities.knowledge.importing;

/** A line of an import file that could not become an entry, and why. */
public record ImportProblem(int line, String reason) {
  @Override
  public String toString() {
    return "line " + line + ": " + reason;
  }
}
