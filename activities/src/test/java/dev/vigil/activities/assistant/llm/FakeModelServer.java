package dev.vigil.activities.assistant.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A real HTTP server on loopback that speaks the OpenAI chat-completions protocol ({@code POST
 * /v1/chat/completions}) and Ollama's ({@code POST /api/chat}), answering with whatever the test scripts: content,
 * an HTTP error, or a delay longer than the client's timeout. Public so that every LLM task's tests (assistant and
 * learning) run against the same server.
 */
public final class FakeModelServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What the "model" replies to one request body. */
  public record Reply(int status, String content, long delayMillis) {
    public static Reply content(String content) {
      return new Reply(200, content, 0);
    }
  }

  private final HttpServer server;
  public final List<String> requests = new CopyOnWriteArrayList<>();
  public volatile Function<String, Reply> script = body -> Reply.content("{}");

  public FakeModelServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/v1/chat/completions", exchange -> handle(exchange, true));
    server.createContext("/api/chat", exchange -> handle(exchange, false));
    server.start();
  }

  public String openAiBaseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  public String ollamaBaseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange, boolean openAi) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    requests.add(body);
    Reply reply = script.apply(body);
    if (reply.delayMillis() > 0) {
      try {
        Thread.sleep(reply.delayMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    byte[] response = (reply.status() == 200
        ? (openAi ? openAiResponse(reply.content()) : ollamaResponse(reply.content()))
        : "{\"error\":{\"message\":\"model crashed\",\"type\":\"server_error\"}}").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    try {
      exchange.sendResponseHeaders(reply.status(), response.length);
      exchange.getResponseBody().write(response);
    } catch (IOException e) {
      // the client gave up (timeout) before the reply
    } finally {
      exchange.close();
    }
  }

  private static String openAiResponse(String content) {
    ObjectNode root = JSON.createObjectNode().put("id", "chatcmpl-1").put("object", "chat.completion")
        .put("created", 1_800_000_000L).put("model", "test-model");
    ObjectNode choice = root.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
    choice.putObject("message").put("role", "assistant").put("content", content);
    root.putObject("usage").put("prompt_tokens", 10).put("completion_tokens", 5).put("total_tokens", 15);
    return root.toString();
  }

  private static String ollamaResponse(String content) {
    ObjectNode root = JSON.createObjectNode().put("model", "test-model").put("created_at", "2026-11-27T10:00:00Z")
        .put("done", true).put("done_reason", "stop").put("total_duration", 1000).put("load_duration", 1)
        .put("prompt_eval_count", 10).put("prompt_eval_duration", 1).put("eval_count", 5)
        .put("eval_duration", 1);
    root.putObject("message").put("role", "assistant").put("content", content);
    return root.toString();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
