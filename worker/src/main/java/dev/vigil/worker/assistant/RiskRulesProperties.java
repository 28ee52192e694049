package dev.vigil.worker.assistant;

import dev.vigil.activities.assistant.risk.RiskRule;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The interest and risk rules ({@code vigil.risk.rules[*]}), validated when the worker starts. */
@ConfigurationProperties("vigil.risk")
public record RiskRulesProperties(List<RiskRule> rules) {
  public RiskRulesProperties {
    rules = rules == null ? List.of() : List.copyOf(rules);
  }
}
