package dev.vigil.worker.temporal;

import dev.vigil.client.temporal.TemporalProperties;
import dev.vigil.workflows.ticket.TicketSearchAttributes;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.api.operatorservice.v1.ListSearchAttributesRequest;
import io.temporal.serviceclient.OperatorServiceStubs;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Makes sure the namespace knows Vigil's custom search attributes before any workflow upserts them (an unknown
 * attribute fails the workflow task). On the dev server it registers them; on a cluster it registers what is missing
 * and, if it may not, fails start-up with the command an operator has to run.
 */
@Component
public class SearchAttributeRegistrar {
  private static final Logger log = LoggerFactory.getLogger(SearchAttributeRegistrar.class);

  private final OperatorServiceStubs operator;
  private final TemporalProperties properties;

  public SearchAttributeRegistrar(OperatorServiceStubs operator, TemporalProperties properties) {
    this.operator = operator;
    this.properties = properties;
  }

  /** Registers the missing attributes; returns the names it added. */
  public Set<String> ensureRegistered() {
    Map<String, IndexedValueType> wanted = new LinkedHashMap<>();
    TicketSearchAttributes.ALL.forEach(
        key -> wanted.put(key.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD));
    Set<String> existing = existingAttributes();
    Map<String, IndexedValueType> missing = new LinkedHashMap<>(wanted);
    missing.keySet().removeAll(existing);
    if (missing.isEmpty()) {
      return Set.of();
    }
    try {
      operator.blockingStub().addSearchAttributes(AddSearchAttributesRequest.newBuilder()
          .setNamespace(properties.namespace())
          .putAllSearchAttributes(missing)
          .build());
      log.info("registered search attributes {} in namespace {}", missing.keySet(), properties.namespace());
      return missing.keySet();
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.ALREADY_EXISTS) {
        return Set.of();
      }
      throw new IllegalStateException("Vigil's search attributes " + missing.keySet() + " are missing in namespace "
          + properties.namespace() + " and could not be registered (" + e.getStatus() + "). Register them with: "
          + missing.keySet().stream()
              .map(n -> "temporal operator search-attribute create --namespace " + properties.namespace()
                  + " --name " + n + " --type Keyword")
              .reduce((a, b) -> a + " && " + b).orElse(""), e);
    }
  }

  private Set<String> existingAttributes() {
    try {
      return operator.blockingStub()
          .listSearchAttributes(ListSearchAttributesRequest.newBuilder().setNamespace(properties.namespace()).build())
          .getCustomAttributesMap().keySet();
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.UNIMPLEMENTED) {
        return Set.of(); // the dev server cannot list them; adding is idempotent there
      }
      throw e;
    }
  }
}
