package dev.vigil.testkit.temporal;

import dev.vigil.workflows.ticket.TicketSearchAttributes;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;

/** Registers Vigil's search attributes on a dev server a test started itself (the worker does it at start-up). */
public final class SearchAttributes {

  private SearchAttributes() {}

  public static void register(WorkflowServiceStubs stubs) {
    OperatorServiceStubs operator = OperatorServiceStubs.newServiceStubs(
        OperatorServiceStubsOptions.newBuilder().setChannel(stubs.getRawChannel()).validateAndBuildWithDefaults());
    AddSearchAttributesRequest.Builder attributes = AddSearchAttributesRequest.newBuilder().setNamespace("default");
    TicketSearchAttributes.ALL.forEach(
        key -> attributes.putSearchAttributes(key.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD));
    operator.blockingStub().addSearchAttributes(attributes.build());
    operator.shutdown();
  }
}
