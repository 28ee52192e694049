package dev.vigil.activities.learning.redaction;

import java.util.List;
import java.util.regex.Pattern;

/** Addresses of machines on a network: MAC, IPv6, IPv4. */
public final class NetworkRules {
  private static final String OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";

  private NetworkRules() {}

  public static final List<RedactionRule> ALL = List.of(
      // MACs are checked before IPv6 only for clarity: six groups without "::" never validate as IPv6.
      RedactionRule.whole(Kind.MAC,
          Pattern.compile("(?<![\\w:.-])[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(?:\\1[0-9A-Fa-f]{2}){4}(?![\\w:-])")),
      // The pattern only finds candidates; isIpv6 decides, which is what keeps times like 12:30:45 out.
      RedactionRule.checked(Kind.IPV6,
          Pattern.compile("(?<![\\w:.])(?=[0-9A-Fa-f]{0,4}:)[0-9A-Fa-f:]{2,}"
              + "(?:(?<=:)(?:\\d{1,3}\\.){3}\\d{1,3})?(?:%[0-9A-Za-z]+)?(?![\\w:]|\\.\\d)"),
          Checks::isIpv6),
      // A preceding word character (the "v" of v2.10.4.1) or dot, or a following ".digit", marks a version or OID.
      RedactionRule.whole(Kind.IPV4,
          Pattern.compile("(?<![\\w.])" + OCTET + "(?:\\." + OCTET + "){3}(?!\\w|\\.\\d)")));
}
