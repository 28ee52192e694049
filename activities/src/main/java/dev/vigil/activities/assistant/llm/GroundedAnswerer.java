package dev.vigil.activities.assistant.llm;

import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.V;

/** The answer step as an LLM task: answer only from the retrieved entries, citing them; answers JSON. */
public interface GroundedAnswerer {

  @SystemMessage(fromResource = "/prompts/answer-system.txt")
  @UserMessage(fromResource = "/prompts/answer-user.txt")
  String answer(@V("question") String question, @V("knowledge") String knowledge);
}
