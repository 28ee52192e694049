package dev.vigil.starter.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.starter.support.EmbeddedApiTest;
import dev.vigil.testkit.http.VigilHttp;
import dev.vigil.workflows.codec.EncryptionCodec;
import dev.vigil.workflows.ticket.TicketIds;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Ticket contents are encrypted in Temporal's history, and the codec server gives them back to operators (and only
 * them) in Temporal's codec protocol, for the Web UI's origin.
 */
class CodecServerTest extends EmbeddedApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String UI_ORIGIN = "http://localhost:8088";

  @Autowired
  WorkflowServiceStubs stubs;

  @Test
  void theHistoryHoldsNoPlainText_andTheCodecServerDecodesItForOperators() throws Exception {
    String id = "CODEC-" + UUID.randomUUID().toString().substring(0, 8);
    String secretish = "Ada Lovelace here, my card ends 4242 and the printer is on fire";
    http.webhook(VigilHttp.created(id, "Printer on fire", "acme"));
    http.webhook(VigilHttp.message(id, "customer", secretish));
    http.awaitTicket(id, t -> t.get("messages").size() == 1);

    List<Payload> payloads = historyPayloads(TicketIds.workflowId("desk", id));
    assertThat(payloads).isNotEmpty().allSatisfy(p -> {
      assertThat(p.getMetadataMap().get("encoding").toStringUtf8()).isEqualTo(EncryptionCodec.ENCODING);
      assertThat(p.getData().toString(StandardCharsets.ISO_8859_1)).doesNotContain("Lovelace", "printer");
    });

    VigilHttp.Response decoded = http.post("/codec/decode", protocolBody(payloads), "olive", "olive-pw");
    assertThat(decoded.status()).isEqualTo(200);
    String plain = decodedData(decoded.json());
    assertThat(plain).contains(secretish, "Printer on fire");
  }

  @Test
  void encodeThenDecode_roundTrips_andGarbageIsAClearError() throws Exception {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode payload = body.putArray("payloads").addObject();
    payload.putObject("metadata").put("encoding", b64("json/plain"));
    payload.put("data", b64("\"hello\""));

    VigilHttp.Response encoded = http.postAsAdmin("/codec/encode", body.toString());
    assertThat(encoded.status()).isEqualTo(200);
    JsonNode sealed = encoded.json().get("payloads").get(0);
    assertThat(new String(Base64.getDecoder().decode(sealed.get("metadata").get("encoding").asText()),
        StandardCharsets.UTF_8)).isEqualTo(EncryptionCodec.ENCODING);
    VigilHttp.Response decoded = http.postAsAdmin("/codec/decode", encoded.body());
    assertThat(decoded.json()).isEqualTo(body);

    assertThat(http.postAsAdmin("/codec/decode", "{\"payloads\": 3}").status()).isEqualTo(400);
    assertThat(http.postAsAdmin("/codec/decode", "{\"payloads\":[{\"data\":\"%%%\"}]}").json().get("message")
        .asText()).contains("payloads[0].data is not valid base64");
    ObjectNode foreign = JSON.createObjectNode();
    ObjectNode forged = foreign.putArray("payloads").addObject();
    forged.putObject("metadata").put("encoding", b64(EncryptionCodec.ENCODING)).put(EncryptionCodec.KEY_ID,
        b64("someone-elses-key"));
    forged.put("data", b64("0123456789abcdef0123456789abcdef"));
    VigilHttp.Response refused = http.postAsAdmin("/codec/decode", foreign.toString());
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.json().get("message").asText()).contains("someone-elses-key");
  }

  @Test
  void onlyOperatorsAndAdmins_andOnlyTheWebUisOrigin() throws Exception {
    String body = "{\"payloads\":[]}";
    assertThat(http.post("/codec/decode", body, null, null).status()).isEqualTo(401);
    assertThat(http.post("/codec/decode", body, "andy", "andy-pw").status()).as("analysts").isEqualTo(403);
    assertThat(http.post("/codec/decode", body, "olive", "olive-pw").status()).isEqualTo(200);

    HttpClient client = HttpClient.newHttpClient();
    HttpResponse<String> allowed = client.send(preflight(UI_ORIGIN), HttpResponse.BodyHandlers.ofString());
    assertThat(allowed.statusCode()).isEqualTo(200);
    assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue(UI_ORIGIN);
    assertThat(allowed.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
    HttpResponse<String> other = client.send(preflight("https://evil.example"), HttpResponse.BodyHandlers.ofString());
    assertThat(other.statusCode()).isEqualTo(403);
    assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  private HttpRequest preflight(String origin) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/codec/decode"))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .header("Origin", origin)
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "content-type,x-namespace")
        .build();
  }

  private List<Payload> historyPayloads(String workflowId) {
    List<Payload> payloads = new ArrayList<>();
    for (HistoryEvent event : stubs.blockingStub().getWorkflowExecutionHistory(
        GetWorkflowExecutionHistoryRequest.newBuilder().setNamespace("default")
            .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId)).build())
        .getHistory().getEventsList()) {
      if (event.hasWorkflowExecutionStartedEventAttributes()) {
        payloads.addAll(event.getWorkflowExecutionStartedEventAttributes().getInput().getPayloadsList());
      }
      if (event.hasWorkflowExecutionSignaledEventAttributes()) {
        payloads.addAll(event.getWorkflowExecutionSignaledEventAttributes().getInput().getPayloadsList());
      }
    }
    return payloads;
  }

  private static String protocolBody(List<Payload> payloads) {
    ObjectNode body = JSON.createObjectNode();
    var array = body.putArray("payloads");
    for (Payload p : payloads) {
      ObjectNode item = array.addObject();
      ObjectNode metadata = item.putObject("metadata");
      p.getMetadataMap().forEach((k, v) -> metadata.put(k, Base64.getEncoder().encodeToString(v.toByteArray())));
      item.put("data", Base64.getEncoder().encodeToString(p.getData().toByteArray()));
    }
    return body.toString();
  }

  private static String decodedData(JsonNode answer) {
    StringBuilder all = new StringBuilder();
    for (JsonNode p : answer.get("payloads")) {
      all.append(new String(Base64.getDecoder().decode(p.get("data").asText()), StandardCharsets.UTF_8));
    }
    return all.toString();
  }

  private static String b64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
