package dev.vigil.activities.assistant;

import dev.vigil.workflows.assistant.Delivery;
import java.time.Duration;
import java.util.Map;

/**
 * Thresholds and delivery policy of the no-LLM pipeline.
 *
 * @param minConfidence lowest answerability confidence at which Vigil answers: the calibrated probability that the
 *     answer matches what a human would answer ({@code AnswerabilityModel}), or the question cosine of a repeat; the
 *     default keeps the useful-answer rate of the development data (docs/evaluation.md, operating curve)
 * @param repeatCosine an answer this similar (cosine) to one already offered on the ticket is a repeat
 * @param maxAnswerChars longest extractive answer; longer passages are cut at a sentence boundary
 * @param defaultDelivery {@code suggest}, {@code auto} or {@code off} for tenants without their own setting
 * @param tenantDelivery per-tenant delivery policy
 * @param autoMinConfidence lowest confidence at which an {@code auto} tenant's customer is answered directly
 * @param autoWait how long an analyst has to reply before the direct answer goes out
 */
public record AssistantSettings(double minConfidence, double repeatCosine, int maxAnswerChars,
    String defaultDelivery, Map<String, String> tenantDelivery, double autoMinConfidence, Duration autoWait) {

  public AssistantSettings {
    tenantDelivery = tenantDelivery == null ? Map.of() : Map.copyOf(tenantDelivery);
    for (String policy : tenantDelivery.values()) {
      requirePolicy(policy);
    }
    requirePolicy(defaultDelivery);
  }

  public static AssistantSettings defaults() {
    return new AssistantSettings(0.11, 0.7, 700, "suggest", Map.of(), 0.8, Duration.ofMinutes(5));
  }

  /** The delivery policy of a tenant. */
  public Delivery deliveryFor(String tenant) {
    return Delivery.fromWire(tenant == null ? defaultDelivery : tenantDelivery.getOrDefault(tenant, defaultDelivery));
  }

  private static void requirePolicy(String policy) {
    if (Delivery.parse(policy).isEmpty()) {
      throw new IllegalArgumentException("delivery policy must be suggest, auto or off, not " + policy);
    }
  }
}
