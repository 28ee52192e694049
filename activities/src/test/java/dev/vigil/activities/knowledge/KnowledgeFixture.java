package dev.vigil.activities.knowledge;

import java.util.List;

/** A small FAQ for relevance tests, with paraphrased questions and the entry each should find. */
final class KnowledgeFixture {
  private KnowledgeFixture() {}

  record Probe(String question, String expectedId) {}

  static KnowledgeEntry faq(String id, String product, String question, String answer, String... tags) {
    return KnowledgeEntry.draft(id, EntryKind.DOC, question, answer, product, List.of(tags), KnowledgeEntry.GLOBAL,
        Provenance.imported("fixture"), EntryStatus.ACTIVE);
  }

  static List<KnowledgeEntry> entries() {
    return List.of(
        faq("faq-reset-password", "identity", "How do I reset my password?",
            "Open Settings > Security and choose Reset password; a link is sent to your account e-mail.",
            "password", "login"),
        faq("faq-2fa-lost", "identity", "I lost my phone with the two-factor authenticator app",
            "Use one of your recovery codes to sign in, then re-enrol a new device under Security.",
            "2fa", "mfa"),
        faq("faq-quota", "storage", "Snapshots fail with QuotaExceeded",
            "The project hit its snapshot quota. Delete old snapshots or raise the quota under Settings > Limits.",
            "snapshot", "quota"),
        faq("faq-volume-mount", "storage", "Volume stuck in attaching state and cannot be mounted",
            "Detach the volume from the stopped instance, wait for 'available', then attach it again.",
            "volume"),
        faq("faq-invoice", "billing", "Where can I download my invoices?",
            "Invoices are under Billing > Documents as PDF; admins can also have them e-mailed monthly.",
            "invoice"),
        faq("faq-card-declined", "billing", "My credit card payment was declined",
            "Check the card's expiry and 3-D Secure approval, then retry under Billing > Payment methods.",
            "payment"),
        faq("faq-api-429", "api", "API returns 429 Too Many Requests",
            "You exceeded the rate limit of 100 requests per minute; back off using the Retry-After header.",
            "rate-limit"),
        faq("faq-api-key-rotate", "api", "How to rotate an API key without downtime",
            "Create a second key, deploy it, then revoke the old key under Settings > API keys.",
            "api-key"),
        faq("faq-vpn-drops", "network", "VPN tunnel drops every hour",
            "Set the IKE lifetime to 28800 seconds on both peers so rekeying does not tear down the tunnel.",
            "vpn"),
        faq("faq-dns-propagation", "network", "DNS changes are not visible yet",
            "Records propagate within the TTL of the old record, at most 48 hours; lower the TTL before changes.",
            "dns"));
  }

  static List<Probe> probes() {
    return List.of(
        new Probe("forgot my password, how can I change it", "faq-reset-password"),
        new Probe("my authenticator phone was stolen and I can't log in", "faq-2fa-lost"),
        new Probe("snapshot creation failing because of quota exceeded error", "faq-quota"),
        new Probe("getting HTTP 429 too many requests from your API", "faq-api-429"),
        new Probe("where do I find the PDF invoice for last month", "faq-invoice"),
        new Probe("our site-to-site VPN disconnects every 60 minutes", "faq-vpn-drops"));
  }
}
