package dev.vigil.worker.learning;

import dev.vigil.activities.learning.LearningSettings;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Learning from closed tickets ({@code vigil.learning.*}).
 *
 * @param tenants per-tenant policy, e.g. {@code vigil.learning.tenants.acme.share-globally=true} (learned entries
 *     serve every tenant instead of acme only) or {@code ...review-required=true} (learned entries wait as drafts
 *     for an analyst's approval)
 * @param duplicateCosine question similarity at which a learned pair merges into an existing entry
 * @param agreementCosine similarity to the human resolution at which Vigil's answer counts as confirmed
 * @param disagreementCosine similarity below which a dismissed answer counts as contradicted (its entry retired)
 */
@Validated
@ConfigurationProperties("vigil.learning")
public record LearningProperties(
    Map<String, Tenant> tenants,
    @DecimalMin("0.5") @DecimalMax("1.0") double duplicateCosine,
    @DecimalMin("0.0") @DecimalMax("1.0") double agreementCosine,
    @DecimalMin("0.0") @DecimalMax("1.0") double disagreementCosine,
    @Min(10) int maxQuestionWords,
    @Min(100) int maxAnswerChars) {

  /** One tenant's learning policy. */
  public record Tenant(boolean shareGlobally, boolean reviewRequired) {}

  public LearningSettings settings() {
    Map<String, LearningSettings.TenantLearning> policies = new HashMap<>();
    if (tenants != null) {
      tenants.forEach((name, t) -> policies.put(name, new LearningSettings.TenantLearning(t.shareGlobally(),
          t.reviewRequired())));
    }
    return new LearningSettings(policies, duplicateCosine, agreementCosine, disagreementCosine, maxQuestionWords,
        maxAnswerChars);
  }
}
