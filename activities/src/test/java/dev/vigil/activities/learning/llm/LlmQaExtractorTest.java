package dev.vigil.activities.learning.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.vigil.activities.assistant.llm.ChatModels;
import dev.vigil.activities.assistant.llm.LlmSettings;
import dev.vigil.activities.learning.LearningSettings;
import dev.vigil.activities.learning.Redactor;
import dev.vigil.activities.learning.RuleBasedQaExtractor;
import dev.vigil.workflows.learning.CaseTurn;
import dev.vigil.workflows.learning.Extraction;
import dev.vigil.workflows.learning.LearnedQa;
import dev.vigil.workflows.learning.LearningCase;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** LLM extraction against a real HTTP server speaking the OpenAI chat-completions protocol. */
class LlmQaExtractorTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PROBLEM = "Our site-to-site VPN tunnel drops every hour and reconnects a minute "
      + "later. How can we keep it up?";
  private static final String FIX = "Set the IKE lifetime to 28800 seconds on both peers so that rekeying does not "
      + "tear the tunnel down.";
  private static final LearningCase CASE = new LearningCase("T-1", "ticket:desk:T-1#1", "globex", "globex", "active",
      "network", "VPN tunnel unstable", List.of(), List.of(
          new CaseTurn("c1", "customer", PROBLEM + " Reach me at <email>."),
          new CaseTurn("a2", "analyst", FIX)),
      "Raised the IKE lifetime on both peers.", List.of(), 0);

  private final LearningSettings settings = LearningSettings.defaults();
  private final RuleBasedQaExtractor rules = new RuleBasedQaExtractor(settings);
  private OpenAiStub server;

  @BeforeEach
  void start() throws IOException {
    server = new OpenAiStub();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private LlmQaExtractor extractor() {
    LlmSettings llm = new LlmSettings("openai", server.baseUrl(), "test-model", "test-key", Duration.ofSeconds(1), 0);
    return new LlmQaExtractor(ChatModels.create(llm), "openai", rules, new Redactor(), settings);
  }

  private static String pairs(String... questionsAndAnswers) {
    ObjectNode root = JSON.createObjectNode().put("reason", "the case states a reusable fix");
    ArrayNode array = root.putArray("pairs");
    for (int i = 0; i < questionsAndAnswers.length; i += 2) {
      array.addObject().put("question", questionsAndAnswers[i]).put("answer", questionsAndAnswers[i + 1]);
    }
    return root.toString();
  }

  @Test
  void validStructuredOutputBecomesPairsFromTheProvider() {
    server.reply(200, pairs("Why does a site-to-site VPN tunnel drop every hour?", FIX,
        "How do I stop IKE rekeying from tearing down a tunnel?", "Raise the IKE lifetime to 28800 seconds."), 0);

    Extraction e = extractor().extract(CASE);

    assertThat(e.pairs()).hasSize(2);
    assertThat(e.pairs()).extracting(LearnedQa::source).containsOnly("openai");
    assertThat(e.pairs()).extracting(LearnedQa::key).containsExactly(CASE.key() + "#qa1", CASE.key() + "#qa2");
    assertThat(e.pairs().get(0).question()).isEqualTo("Why does a site-to-site VPN tunnel drop every hour?");
    assertThat(e.pairs().get(0).answer()).isEqualTo(FIX);
    assertThat(e.pairs().get(0).product()).isEqualTo("network");
    assertThat(e.pairs().get(0).messageIds()).containsExactly("c1", "a2");
    assertThat(e.reason()).startsWith("openai: the case states a reusable fix");

    assertThat(server.requests).singleElement().satisfies(body -> {
      assertThat(body).contains("json_object", "VPN tunnel unstable", "drops every hour", "Raised the IKE lifetime");
      assertThat(body).as("case text is passed as data").contains("at ‹email›.").doesNotContain("at <email>.");
    });
  }

  @Test
  void theModelsOutputIsRedactedAgainAndCleaned() {
    server.reply(200, pairs("Who do I write to (ops@globex.example) when the tunnel at 10.1.2.3 drops?",
        "Hi there! Write to ops@globex.example or call +1 415 555 0199 with the peer IP. " + FIX
            + " I'm closing this ticket now."), 0);

    LearnedQa pair = extractor().extract(CASE).pairs().get(0);

    assertThat(pair.question()).isEqualTo("Who do I write to (<email>) when the tunnel at <ipv4> drops?");
    assertThat(pair.answer()).isEqualTo("Write to <email> or call <phone> with the peer IP. " + FIX);
  }

  @Test
  void moreThanThreePairsAreCapped() {
    server.reply(200, pairs(
        "Question one about VPN tunnels?", FIX,
        "Question two about IKE lifetime?", FIX,
        "Question three about rekeying?", FIX,
        "Question four about peers?", FIX,
        "Question five about tunnels?", FIX), 0);

    Extraction e = extractor().extract(CASE);

    assertThat(e.pairs()).extracting(LearnedQa::question).containsExactly("Question one about VPN tunnels?",
        "Question two about IKE lifetime?", "Question three about rekeying?");
    assertThat(e.reason()).contains("more than 3 pairs");
  }

  @Test
  void pairsWithoutAReusableAnswerAreDropped() {
    server.reply(200, pairs("What happened to my ticket?", "I'm closing this ticket now. Hope this helps!",
        "", FIX), 0);

    Extraction e = extractor().extract(CASE);

    assertThat(e.pairs()).isEmpty();
    assertThat(e.reason()).startsWith("nothing to learn").contains("dropped");
  }

  @Test
  void aServerErrorFallsBackToTheRules() {
    server.reply(500, null, 0);

    assertFellBackToRules(extractor().extract(CASE));
  }

  @Test
  void garbageFallsBackToTheRules() {
    server.reply(200, "Sure! Here are some great Q&A pairs for you.", 0);
    assertFellBackToRules(extractor().extract(CASE));

    server.reply(200, "{\"reason\":\"no pairs field\"}", 0);
    assertFellBackToRules(extractor().extract(CASE));
  }

  @Test
  void aTimeoutFallsBackToTheRules() {
    server.reply(200, pairs("q?", FIX), 3_000);
    long start = System.nanoTime();

    Extraction e = extractor().extract(CASE);

    assertThat((System.nanoTime() - start) / 1e9).as("bounded by the timeout").isLessThan(2.9);
    assertFellBackToRules(e);
    assertThat(e.reason()).contains("timeout");
  }

  private void assertFellBackToRules(Extraction e) {
    Extraction byRules = rules.extract(CASE);
    assertThat(byRules.pairs()).isNotEmpty();
    assertThat(e.reason()).startsWith("LLM failed").endsWith("rules: " + byRules.reason());
    assertThat(e.pairs()).isEqualTo(byRules.pairs());
    assertThat(e.pairs()).extracting(LearnedQa::source).containsOnly("rules");
  }

  /** A loopback OpenAI-compatible chat-completions endpoint answering what the test scripts. */
  private static final class OpenAiStub implements AutoCloseable {
    private final HttpServer http;
    final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String content = "{}";
    private volatile long delayMillis;

    OpenAiStub() throws IOException {
      http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      http.createContext("/v1/chat/completions", this::handle);
      http.start();
    }

    String baseUrl() {
      return "http://127.0.0.1:" + http.getAddress().getPort() + "/v1";
    }

    void reply(int newStatus, String newContent, long newDelayMillis) {
      status = newStatus;
      content = newContent;
      delayMillis = newDelayMillis;
    }

    private void handle(HttpExchange exchange) throws IOException {
      requests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      try {
        Thread.sleep(delayMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      String body;
      if (status == 200) {
        ObjectNode root = JSON.createObjectNode().put("id", "chatcmpl-1").put("object", "chat.completion")
            .put("created", 1_800_000_000L).put("model", "test-model");
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", content);
        root.putObject("usage").put("prompt_tokens", 10).put("completion_tokens", 5).put("total_tokens", 15);
        body = root.toString();
      } else {
        body = "{\"error\":{\"message\":\"model crashed\",\"type\":\"server_error\"}}";
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      try {
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
      } catch (IOException e) {
        // the client gave up (timeout) before the reply
      } finally {
        exchange.close();
      }
    }

    @Override
    public void close() {
      http.stop(0);
    }
  }
}
