package dev.vigil.activities.knowledge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The JSON form of entries as both indexes store them. */
public final class KnowledgeJson {
  public static final ObjectMapper MAPPER = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private KnowledgeJson() {}

  public static String write(KnowledgeEntry entry) {
    try {
      return MAPPER.writeValueAsString(entry);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise entry " + entry.id(), e);
    }
  }

  public static KnowledgeEntry read(String json) {
    try {
      return MAPPER.readValue(json, KnowledgeEntry.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored entry is not readable: " + e.getOriginalMessage(), e);
    }
  }
}
