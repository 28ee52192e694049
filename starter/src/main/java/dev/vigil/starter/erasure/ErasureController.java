package dev.vigil.starter.erasure;

import dev.vigil.starter.security.StaffScope;
import dev.vigil.starter.ticket.TemporalErrors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A customer's right to erasure, for admins. */
@RestController
@Tag(name = "Data protection", description = "Erase a customer's data")
@SecurityRequirement(name = "basic")
public class ErasureController {
  private static final int MAX_ID = 200;

  private final CustomerErasure erasure;

  public ErasureController(CustomerErasure erasure) {
    this.erasure = erasure;
  }

  @DeleteMapping("/api/v1/customers/{customerId}")
  @Operation(summary = "Erase a customer's data (admin)",
      description = "Removes the customer's ticket workflows and their learning runs (deleted on a Temporal cluster; "
          + "terminated and forgotten on the embedded dev server, so they answer 404), hard-deletes knowledge "
          + "learned only from their tickets with every version, removes their tickets from other entries' "
          + "provenance, and records an audit line without personal data. `tenant` is the customer's tenant "
          + "(omit it on a single-tenant installation). Repeating an erasure is safe: it finds nothing more.")
  public ErasureReport erase(@PathVariable String customerId, @RequestParam(required = false) String tenant,
      Principal user) {
    if (customerId.isBlank() || customerId.length() > MAX_ID) {
      throw new IllegalArgumentException("customerId must be 1.." + MAX_ID + " characters");
    }
    String t = tenant == null || tenant.isBlank() ? null : tenant.strip();
    if (!StaffScope.current().allows(t)) {
      // an admin of some tenants erases only there; another tenant's customers are not found
      throw new CustomerNotFound(customerId);
    }
    return TemporalErrors.translating(() -> erasure.erase(t, customerId, user.getName()));
  }

  /** A customer of a tenant the admin does not work for: answered as not found, so nothing leaks. */
  public static class CustomerNotFound extends RuntimeException {
    public CustomerNotFound(String customerId) {
      super("customer " + customerId + " not found in your tenants");
    }
  }
}
