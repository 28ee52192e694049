package dev.vigil.activities.learning;

import java.util.Map;

/**
 * How Vigil learns from closed tickets.
 *
 * @param tenants per-tenant policy; tenants without one keep learned knowledge private and active
 * @param duplicateCosine a learned pair at least this similar (question to question) to an existing entry of the same
 *     scope and product, and also a lexical (BM25) match, merges into it instead of adding a copy
 * @param agreementCosine Vigil's answer counts as confirmed by the human resolution at this cosine, and as
 *     contradicted by it below {@link #disagreementCosine}
 * @param maxQuestionWords longest learned question (the embedding model reads about 100 words)
 * @param maxAnswerChars longest learned answer
 */
public record LearningSettings(Map<String, TenantLearning> tenants, double duplicateCosine, double agreementCosine,
    double disagreementCosine, int maxQuestionWords, int maxAnswerChars) {

  /** A tenant's learning policy: share learned knowledge with every tenant, and/or hold it as draft for review. */
  public record TenantLearning(boolean shareGlobally, boolean reviewRequired) {
    public static final TenantLearning PRIVATE = new TenantLearning(false, false);
  }

  public LearningSettings {
    tenants = tenants == null ? Map.of() : Map.copyOf(tenants);
    if (disagreementCosine > agreementCosine) {
      throw new IllegalArgumentException("disagreement cosine must not exceed agreement cosine");
    }
  }

  public static LearningSettings defaults() {
    return new LearningSettings(Map.of(), 0.9, 0.6, 0.4, 80, 1200);
  }

  public TenantLearning forTenant(String tenant) {
    return tenant == null ? TenantLearning.PRIVATE : tenants.getOrDefault(tenant, TenantLearning.PRIVATE);
  }
}
