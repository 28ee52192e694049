package dev.vigil.starter.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import dev.vigil.client.temporal.TemporalProperties;
import dev.vigil.starter.web.ApiError;
import dev.vigil.workflows.codec.EncryptionCodec;
import dev.vigil.workflows.codec.PayloadKeys;
import io.temporal.api.common.v1.Payload;
import io.temporal.payload.codec.PayloadCodecException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Temporal's codec server protocol, so operators read Vigil's encrypted payloads in the Temporal Web UI:
 * {@code POST /codec/decode} and {@code /codec/encode} take and return {@code {"payloads":[{"metadata":{k:
 * base64}, "data": base64}]}} (Temporal's JSON form of its Payloads message). Only operators and admins may call it;
 * the Web UI's origin is allowed by CORS (see the security configuration).
 */
@RestController
public class CodecServerController {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_PAYLOADS = 1_000;

  private final EncryptionCodec codec;
  private final String namespace;

  public CodecServerController(PayloadKeys keys, TemporalProperties temporal) {
    this.codec = new EncryptionCodec(keys);
    this.namespace = temporal.namespace();
  }

  @PostMapping(path = "/codec/decode", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<?> decode(@RequestBody JsonNode body,
      @RequestHeader(name = "X-Namespace", required = false) String requestedNamespace) {
    return transform(body, requestedNamespace, codec::decode);
  }

  @PostMapping(path = "/codec/encode", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<?> encode(@RequestBody JsonNode body,
      @RequestHeader(name = "X-Namespace", required = false) String requestedNamespace) {
    return transform(body, requestedNamespace, codec::encode);
  }

  private ResponseEntity<?> transform(JsonNode body, String requestedNamespace,
      UnaryOperator<List<Payload>> operation) {
    if (requestedNamespace != null && !requestedNamespace.isBlank() && !requestedNamespace.equals(namespace)) {
      return problem(400, "this codec server serves namespace '" + namespace + "', not '" + requestedNamespace
          + "'");
    }
    List<Payload> payloads;
    try {
      payloads = read(body);
    } catch (IllegalArgumentException e) {
      return problem(400, e.getMessage());
    }
    List<Payload> result;
    try {
      result = operation.apply(payloads);
    } catch (PayloadCodecException e) {
      return problem(422, e.getMessage());
    }
    ObjectNode answer = JSON.createObjectNode();
    ArrayNode array = answer.putArray("payloads");
    for (Payload payload : result) {
      ObjectNode item = array.addObject();
      ObjectNode metadata = item.putObject("metadata");
      for (Map.Entry<String, ByteString> entry : payload.getMetadataMap().entrySet()) {
        metadata.put(entry.getKey(), Base64.getEncoder().encodeToString(entry.getValue().toByteArray()));
      }
      item.put("data", Base64.getEncoder().encodeToString(payload.getData().toByteArray()));
    }
    return ResponseEntity.ok(answer);
  }

  private static List<Payload> read(JsonNode body) {
    JsonNode array = body == null ? null : body.get("payloads");
    if (array == null || !array.isArray()) {
      throw new IllegalArgumentException("the body must be {\"payloads\": [...]}");
    }
    if (array.size() > MAX_PAYLOADS) {
      throw new IllegalArgumentException("at most " + MAX_PAYLOADS + " payloads per request");
    }
    List<Payload> payloads = new ArrayList<>(array.size());
    int index = 0;
    for (JsonNode item : array) {
      Payload.Builder payload = Payload.newBuilder();
      JsonNode metadata = item.get("metadata");
      if (metadata != null && !metadata.isNull()) {
        if (!metadata.isObject()) {
          throw new IllegalArgumentException("payloads[" + index + "].metadata must be an object");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = metadata.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> entry = it.next();
          payload.putMetadata(entry.getKey(), bytes(entry.getValue(), "payloads[" + index + "].metadata."
              + entry.getKey()));
        }
      }
      JsonNode data = item.get("data");
      if (data != null && !data.isNull()) {
        payload.setData(bytes(data, "payloads[" + index + "].data"));
      }
      payloads.add(payload.build());
      index++;
    }
    return payloads;
  }

  private static ByteString bytes(JsonNode value, String field) {
    if (!value.isTextual()) {
      throw new IllegalArgumentException(field + " must be a base64 string");
    }
    try {
      return ByteString.copyFrom(Base64.getDecoder().decode(value.asText()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(field + " is not valid base64");
    }
  }

  private static ResponseEntity<ApiError> problem(int status, String detail) {
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
        .body(new ApiError(status == 422 ? "payload_not_decodable" : "invalid_payloads", detail, null));
  }
}
