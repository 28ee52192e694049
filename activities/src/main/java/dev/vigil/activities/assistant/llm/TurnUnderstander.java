package dev.vigil.activities.assistant.llm;

import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.V;

/** The identify and rewrite steps as one LLM task; answers JSON (parsed and validated by the caller). */
public interface TurnUnderstander {

  @SystemMessage(fromResource = "/prompts/understand-system.txt")
  @UserMessage(fromResource = "/prompts/understand-user.txt")
  String understand(@V("subject") String subject, @V("turns") String turns);
}
