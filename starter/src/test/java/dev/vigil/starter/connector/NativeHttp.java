package dev.vigil.starter.connector;

import dev.vigil.testkit.http.VigilHttp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** Sends native webhooks to {@code /api/v1/webhooks/{path}} the way a ticketing system does. */
public final class NativeHttp {
  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;

  public NativeHttp(int port) {
    this.base = "http://127.0.0.1:" + port + "/api/v1/webhooks/";
  }

  public VigilHttp.Response post(String path, Map<String, String> headers, byte[] body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach((name, value) -> {
      if (!name.equalsIgnoreCase("content-length")) {
        request.header(name, value);
      }
    });
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new VigilHttp.Response(response.statusCode(), response.body(), response.headers());
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
