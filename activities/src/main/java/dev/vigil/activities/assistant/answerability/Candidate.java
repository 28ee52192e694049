package dev.vigil.activities.assistant.answerability;

import dev.vigil.activities.knowledge.KnowledgeHit;

/**
 * One entry Vigil could answer from: the search hit, the passage of its answer that addresses the query, the
 * answerability features, the model's probability that the passage matches what a human would answer, and the
 * confidence Vigil answers with: the probability, lifted for a repeat of the entry's question ({@link Repeats}).
 */
public record Candidate(KnowledgeHit hit, String passage, AnswerabilityFeatures features, double probability,
    double confidence) {}
