package dev.vigil.workflows.assistant;

import java.util.List;

/**
 * What the retrieve, answer and repeat-suppression steps work from: the query, who asks (tenant, product), and the
 * answers already offered on this ticket with the entries they cited.
 */
public record ProposeRequest(String ticketId, String query, String tenant, String product,
    List<String> offeredAnswers, List<String> citedBefore) {}
