package dev.vigil.activities.learning.llm;

import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.V;

/** The extracting step as an LLM task: generic Q&A pairs from a resolved, redacted case; answers JSON. */
public interface PairExtractor {

  /** {@code caseJson} is the case as one JSON object built by {@link CaseDocument}. */
  @SystemMessage(fromResource = "/prompts/extract-system.txt")
  @UserMessage(fromResource = "/prompts/extract-user.txt")
  String extract(@V("case") String caseJson);
}
