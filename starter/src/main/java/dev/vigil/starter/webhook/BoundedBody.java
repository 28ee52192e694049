package dev.vigil.starter.webhook;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;

/** Reads a webhook's raw body (its signature covers the exact bytes), refusing one over the configured size. */
public final class BoundedBody {
  private BoundedBody() {}

  /** The body, at most {@code maxBytes}; larger (declared or sent) throws {@link PayloadTooLargeException}. */
  public static byte[] read(HttpServletRequest request, int maxBytes) throws IOException {
    if (request.getContentLengthLong() > maxBytes) {
      throw new PayloadTooLargeException(maxBytes);
    }
    try (InputStream in = request.getInputStream()) {
      byte[] body = in.readNBytes(maxBytes + 1);
      if (body.length > maxBytes) {
        throw new PayloadTooLargeException(maxBytes);
      }
      return body;
    }
  }
}
