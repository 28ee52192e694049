package dev.vigil.client.temporal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How Vigil reaches Temporal ({@code vigil.temporal.*}).
 *
 * @param target host:port of a Temporal frontend; blank runs the in-process dev server instead
 * @param namespace the Temporal namespace
 * @param devPort gRPC port of the embedded dev server (0 picks a free one)
 * @param devBind address the embedded dev server listens on; loopback by default, because it has no TLS and no
 *     authentication
 * @param uiUrl base URL of the Temporal Web UI, for links to runs
 * @param rpcTimeout how long one call to Temporal may take, retries included, before the caller gives up
 * @param payloadKeys payload-encryption keys, {@code id:base64key} newest first (see {@code PayloadKeys})
 * @param payloadKeyFile a file holding them instead
 * @param codecCorsOrigins browser origins (the Temporal Web UI's) allowed to call the codec server; empty: the
 *     origin of {@code uiUrl}
 * @param visibility {@code auto} (basic listing on the dev server, visibility queries on a cluster), {@code basic} or
 *     {@code advanced}
 */
@Validated
@ConfigurationProperties("vigil.temporal")
public record TemporalProperties(
    String target,
    @NotBlank String namespace,
    @Min(0) @Max(65535) int devPort,
    @NotBlank String devBind,
    String uiUrl,
    @NotNull Duration rpcTimeout,
    @NotNull Visibility visibility,
    String payloadKeys,
    Path payloadKeyFile,
    List<String> codecCorsOrigins) {

  /** Which listing API the tickets list uses. */
  public enum Visibility {
    AUTO,
    BASIC,
    ADVANCED
  }

  /** Whether Vigil runs its own in-process dev server. */
  public boolean embedded() {
    return target == null || target.isBlank();
  }

  /** Whether listing must use visibility queries (a real cluster) rather than the legacy open/closed lists. */
  public boolean advancedVisibility() {
    return switch (visibility) {
      case ADVANCED -> true;
      case BASIC -> false;
      case AUTO -> !embedded();
    };
  }
}
