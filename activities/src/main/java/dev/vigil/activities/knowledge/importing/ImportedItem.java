package dev.vigil.activities.knowledge.importing;

import java.util.List;

/** One entry as an import file states it, before validation. {@code line} is where it starts (1-based). */
public record ImportedItem(int line, String question, String answer, String product, List<String> tags,
    String scope) {}
