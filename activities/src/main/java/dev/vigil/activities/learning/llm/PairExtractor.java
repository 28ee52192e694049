package dev.vigil.activities.learning.llm;

import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.V;

/** The extracting step as an LLM task: generic Q&A pairs from a resolved, redacted case; answers JSON. */
public interface PairExtractor {

  @SystemMessage(fromResource = "/prompts/extract-system.txt")
  @UserMessage(fromResource = "/prompts/extract-user.txt")
  String extract(@V("subject") String subject, @V("dialogue") String dialogue, @V("resolution") String resolution);
}
