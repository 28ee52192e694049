package dev.vigil.starter.connector.zammad;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.starter.connector.Connector;
import dev.vigil.starter.connector.ConnectorContract;
import dev.vigil.starter.connector.KnownTicket;
import dev.vigil.starter.connector.SourceSettings;
import dev.vigil.workflows.ticket.Priority;
import dev.vigil.workflows.ticket.TicketEventType;
import dev.vigil.workflows.ticket.TicketStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ZammadConnectorContractTest extends ConnectorContract {
  private static final String TICKET = "31";
  private static final KnownTicket OPEN = new KnownTicket(TicketStatus.TRIAGED, Priority.P3, null);

  @Override
  protected Connector connector(String secret) {
    return new ZammadConnector(SourceSettings.withSecret(secret));
  }

  @Override
  protected Map<String, String> sign(byte[] body, String secret, Instant at) {
    return ZammadPayloads.sign(body, secret);
  }

  @Override
  protected List<String> signatureHeaders() {
    return List.of(ZammadConnector.SIGNATURE);
  }

  @Override
  protected String expectedTicketId() {
    return TICKET;
  }

  private static Delivery of(ObjectNode payload) {
    return new Delivery(ZammadPayloads.delivery(), payload.toString());
  }

  private static ObjectNode open() {
    return ZammadPayloads.ticket(TICKET, "open", "2 normal", "1");
  }

  @Override
  protected Delivery created() {
    return of(ZammadPayloads.withArticle(ZammadPayloads.ticket(TICKET, "new", "2 normal", "1"), 900, "Customer",
        false, "<p>The queue is stuck since 9:00</p>"));
  }

  @Override
  protected Delivery customerComment() {
    return of(ZammadPayloads.withArticle(open(), 901, "Customer", false, "<p>Still stuck</p>")).knowing(OPEN);
  }

  @Override
  protected Delivery staffPublicComment() {
    return of(ZammadPayloads.withArticle(open(), 902, "Agent", false, "<p>Please restart the spooler</p>"))
        .knowing(OPEN);
  }

  @Override
  protected Delivery staffInternalComment() {
    return of(ZammadPayloads.withArticle(open(), 903, "Agent", true, "<p>Known driver bug</p>")).knowing(OPEN);
  }

  @Override
  protected Delivery assignment() {
    return of(ZammadPayloads.ticket(TICKET, "open", "2 normal", "5")).knowing(OPEN);
  }

  @Override
  protected String expectedAssignee() {
    return "5";
  }

  @Override
  protected Delivery priorityChange() {
    return of(ZammadPayloads.ticket(TICKET, "open", "3 high", "1")).knowing(OPEN);
  }

  @Override
  protected Priority expectedPriority() {
    return Priority.P2;
  }

  @Override
  protected Delivery resolved() {
    return of(ZammadPayloads.ticket(TICKET, "pending close", "2 normal", "1")).knowing(OPEN);
  }

  @Override
  protected Delivery closed() {
    return of(ZammadPayloads.ticket(TICKET, "closed", "2 normal", "1")).knowing(OPEN);
  }

  @Override
  protected Delivery reopened() {
    return of(ZammadPayloads.ticket(TICKET, "open", "2 normal", "1"))
        .knowing(new KnownTicket(TicketStatus.CLOSED, Priority.P3, null));
  }

  @Test
  void aDeliveryThatChangesNothingVigilKnowsIsIgnored() {
    assertThat(map(of(open()).knowing(OPEN)).events()).isEmpty();
    assertThat(map(of(ZammadPayloads.ticket(TICKET, "closed", "2 normal", "1"))
        .knowing(new KnownTicket(TicketStatus.CLOSED, Priority.P3, null))).events()).isEmpty();
  }

  @Test
  void theFirstDeliveryOfAnUnknownTicketCreatesIt_withItsFirstArticleAsTheCustomersMessage() {
    var events = map(created()).events();
    assertThat(events).extracting(e -> e.type())
        .containsExactly(TicketEventType.CREATED, TicketEventType.MESSAGE_POSTED);
    assertThat(events.get(1).message().text()).isEqualTo("The queue is stuck since 9:00");
    assertThat(events.get(0).ticket().customer().tenant()).isEqualTo("7");
  }

  @Test
  void anArticleWithoutSenderAddressOrCreatorStillReads() {
    ObjectNode payload = ZammadPayloads.withArticle(open(), 904, "Customer", false, "<p>Hi</p>");
    ((ObjectNode) payload.get("article")).remove("from");
    assertThat(map(of(payload).knowing(OPEN)).events().get(0).message().author()).isNull();
  }
}
