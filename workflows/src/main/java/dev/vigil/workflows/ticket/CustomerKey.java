package dev.vigil.workflows.ticket;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The opaque key that stands for a customer where Temporal shows data in the clear (the {@code VigilCustomer}
 * search attribute): HMAC-SHA256 of tenant and customer id under the deployment's salt, 20 hex characters. It finds a
 * customer's tickets (an operator's filter, erasure) without naming the customer, and without the salt it cannot be
 * computed from a guessed id or email.
 */
public final class CustomerKey {
  private CustomerKey() {}

  /** The key of {@code customer}, or null without a customer id. */
  public static String of(String salt, Customer customer) {
    if (customer == null || customer.id() == null) {
      return null;
    }
    return of(salt, customer.tenant(), customer.id());
  }

  public static String of(String salt, String tenant, String customerId) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec((salt == null || salt.isEmpty() ? "vigil" : salt).getBytes(StandardCharsets.UTF_8),
          "HmacSHA256"));
      byte[] digest = mac.doFinal(((tenant == null ? "" : tenant) + "\n" + customerId)
          .getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 10);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java runtime has HmacSHA256", e);
    }
  }
}
