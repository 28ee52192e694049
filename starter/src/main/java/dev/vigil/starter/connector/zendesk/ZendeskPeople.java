package dev.vigil.starter.connector.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.activities.connector.VendorHttp;
import dev.vigil.starter.connector.NativeJson;
import dev.vigil.workflows.ticket.Customer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Zendesk's events name the requester by id only; this completes the customer with the name and email from
 * {@code GET /api/v2/users/{id}.json}, cached (bounded, one hour) so a busy ticket costs one call. A lookup that fails
 * leaves the customer as the event had it: the event is never lost for want of a name.
 */
public final class ZendeskPeople {
  private static final Logger log = LoggerFactory.getLogger(ZendeskPeople.class);
  private static final int CAPACITY = 10_000;
  private static final Duration TTL = Duration.ofHours(1);
  /** A failed lookup is not retried for this long, so an unknown or unreachable user costs one call per window. */
  private static final Duration FAILED_TTL = Duration.ofMinutes(5);

  private record Person(String name, String email, Instant expiresAt) {}

  private final String url;
  private final String authorization;
  private final VendorHttp http;
  private final Clock clock;
  private final Map<String, Person> cache = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Person> eldest) {
      return size() > CAPACITY;
    }
  };

  public ZendeskPeople(String url, String email, String apiToken, VendorHttp http, Clock clock) {
    this.url = url;
    this.authorization = "Basic " + Base64.getEncoder().encodeToString(
        (email + "/token:" + apiToken).getBytes(StandardCharsets.UTF_8));
    this.http = http;
    this.clock = clock;
  }

  /** {@code customer} with its name and email filled in where Zendesk knows them. */
  public Customer complete(Customer customer) {
    if (customer == null || customer.id() == null || (customer.name() != null && customer.email() != null)) {
      return customer;
    }
    Person person = lookup(customer.id());
    if (person == null) {
      return customer;
    }
    return new Customer(customer.id(), customer.tenant(),
        customer.name() != null ? customer.name() : person.name(),
        customer.email() != null ? customer.email() : person.email());
  }

  private Person lookup(String id) {
    synchronized (cache) {
      Person cached = cache.get(id);
      if (cached != null && cached.expiresAt().isAfter(clock.instant())) {
        return cached.name() == null && cached.email() == null ? null : cached;
      }
    }
    if (!id.chars().allMatch(Character::isDigit)) {
      return null;
    }
    try {
      JsonNode user = http.send(VendorHttp.request(url, "/api/v2/users/" + id + ".json")
          .timeout(Duration.ofSeconds(5))
          .header("Authorization", authorization)
          .GET()
          .build(), "zendesk user " + id).body().path("user");
      Person person = new Person(NativeJson.text(user, "name"), NativeJson.text(user, "email"),
          clock.instant().plus(TTL));
      synchronized (cache) {
        cache.put(id, person);
      }
      return person;
    } catch (RuntimeException e) {
      log.warn("cannot look up Zendesk user {}: {}", id, e.getMessage());
      synchronized (cache) {
        cache.put(id, new Person(null, null, clock.instant().plus(FAILED_TTL)));
      }
      return null;
    }
  }
}
