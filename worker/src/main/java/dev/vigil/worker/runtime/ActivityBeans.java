package dev.vigil.worker.runtime;

import dev.vigil.activities.assistant.NoLlmAssistantActivities;
import dev.vigil.activities.assistant.llm.ChatModels;
import dev.vigil.activities.assistant.llm.LlmAssistantActivities;
import dev.vigil.activities.assistant.risk.RuleBasedRiskActivities;
import dev.vigil.activities.connector.ConnectorOutbound;
import dev.vigil.activities.connector.SentComments;
import dev.vigil.activities.connector.StateWrites;
import dev.vigil.activities.connector.VendorHttp;
import dev.vigil.activities.knowledge.KnowledgeIndex;
import dev.vigil.activities.knowledge.MiniLmEmbedder;
import dev.vigil.activities.learning.AnswerReviewer;
import dev.vigil.activities.learning.CasePreparer;
import dev.vigil.activities.learning.KnowledgeWriter;
import dev.vigil.activities.learning.LearningActivitiesImpl;
import dev.vigil.activities.learning.LearningSettings;
import dev.vigil.activities.learning.OpenAnswerReviewer;
import dev.vigil.activities.learning.QaExtractor;
import dev.vigil.activities.learning.Redactor;
import dev.vigil.activities.learning.RuleBasedQaExtractor;
import dev.vigil.activities.learning.llm.LlmQaExtractor;
import dev.vigil.activities.notify.HttpOutboundActivities;
import dev.vigil.activities.notify.WebhookSignature;
import dev.vigil.client.connector.ConnectorApiProperties;
import dev.vigil.worker.assistant.AssistantProperties;
import dev.vigil.worker.assistant.LlmProperties;
import dev.vigil.worker.assistant.RiskRulesProperties;
import dev.vigil.worker.learning.LearningProperties;
import dev.vigil.worker.notify.OutboundProperties;
import dev.vigil.workflows.assistant.AssistantActivities;
import dev.vigil.workflows.assistant.RiskActivities;
import dev.vigil.workflows.notify.OutboundActivities;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The activity implementations this worker hosts, wired to their services. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "vigil.worker", name = "enabled", havingValue = "true", matchIfMissing = true)
public class ActivityBeans {

  /** Learning: redaction, review of Vigil's answers, extraction (rules, or the LLM with rules as fallback), writes. */
  @Bean
  LearningActivitiesImpl learningActivities(KnowledgeIndex index, MiniLmEmbedder embedder,
      LearningProperties learning, LlmProperties llm, MeterRegistry meters) {
    LearningSettings settings = learning.settings();
    Redactor redactor = new Redactor();
    QaExtractor extractor = new RuleBasedQaExtractor(settings);
    if (llm.enabled()) {
      extractor = new LlmQaExtractor(ChatModels.create(llm.settings()), llm.provider(), extractor, redactor,
          settings);
    }
    return new LearningActivitiesImpl(new CasePreparer(redactor, settings), new AnswerReviewer(embedder, settings),
        new OpenAnswerReviewer(embedder, settings), extractor, new KnowledgeWriter(index, embedder, settings), meters);
  }

  /**
   * Each ticket's messages go through its own system's API when that system is configured; the generic outbound
   * webhook serves the others.
   */
  @Bean
  OutboundActivities outboundActivities(OutboundProperties outbound, ConnectorApiProperties connectors,
      SentComments sentComments, StateWrites stateWrites) {
    String secret = outbound.secret() == null || outbound.secret().isBlank() ? "unused" : outbound.secret();
    OutboundActivities generic = new HttpOutboundActivities(outbound.url(), new WebhookSignature(secret,
        Duration.ofMinutes(5), Clock.systemUTC()));
    return new ConnectorOutbound(connectors.apis(new VendorHttp()), generic, sentComments, stateWrites);
  }

  @Bean
  RiskActivities riskActivities(RiskRulesProperties risk, MiniLmEmbedder embedder) {
    return new RuleBasedRiskActivities(risk.rules(), embedder);
  }

  /** The no-LLM pipeline, or the LLM pipeline with the no-LLM one as its fallback when a provider is set. */
  @Bean
  AssistantActivities assistantActivities(KnowledgeIndex index, MiniLmEmbedder embedder,
      AssistantProperties assistant, LlmProperties llm, MeterRegistry meters) {
    NoLlmAssistantActivities rules = new NoLlmAssistantActivities(index, embedder, assistant.settings(), meters);
    if (!llm.enabled()) {
      return rules;
    }
    return new LlmAssistantActivities(ChatModels.create(llm.settings()), llm.provider(), rules,
        assistant.settings(), meters);
  }
}
