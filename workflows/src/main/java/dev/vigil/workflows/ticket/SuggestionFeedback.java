package dev.vigil.workflows.ticket;

/**
 * What an analyst did with one of Vigil's suggestions: adopt it, send an edited text, dismiss it (with an optional
 * reason) or rate it.
 */
public record SuggestionFeedback(String suggestionId, String text, Rating rating, String reason) {}
