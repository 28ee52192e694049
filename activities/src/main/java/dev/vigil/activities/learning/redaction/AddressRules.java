package dev.vigil.activities.learning.redaction;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Where a person lives or works: street addresses and postcodes. Each rule needs the grammar of an address (a house
 * number with a street word, a state or city next to the code), because a bare number is as likely a port, a
 * count or a status.
 */
public final class AddressRules {
  private static final String US_STATES = "AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN"
      + "|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR";
  private static final String EN_STREET = "Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Parkway|Pkwy"
      + "|Way|Court|Ct|Place|Pl|Square|Sq|Terrace|Close|Crescent|Highway|Hwy|Row|Mews|Gardens";
  // "ring" and "damm" only as separate words: as suffixes they would take "Spring 6".
  private static final String DE_STREET_SUFFIX = "straße|strasse|str\\.|gasse|allee|platz|weg|ufer|chaussee";
  private static final String DE_STREET_WORD = "Straße|Strasse|Str\\.|Gasse|Allee|Platz|Weg|Ring|Damm|Ufer";
  private static final String FR_STREET = "rue|avenue|av\\.|boulevard|bd|place|all[ée]e|chemin|impasse|quai|cours";

  private AddressRules() {}

  public static final List<RedactionRule> ALL = List.of(
      // "221B Baker Street", "1600 Amphitheatre Parkway": a house number, one to three capitalised words, a street
      // word. Case matters: "3 way handshake" and "2 factor" are prose.
      RedactionRule.whole(Kind.ADDRESS,
          Pattern.compile("(?<![\\w.,/-])\\d{1,5}[A-Za-z]?\\s+(?:[A-Z][A-Za-z'-]+\\s+){1,3}(?:" + EN_STREET + ")"
              + "(?![\\w-])")),
      // "Hauptstraße 5", "Berliner Straße 12a"
      RedactionRule.whole(Kind.ADDRESS,
          Pattern.compile("(?<![\\p{L}])[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ]?[a-zäöüß]+){0,3}(?:(?:" + DE_STREET_SUFFIX
              + ")|\\s+(?:" + DE_STREET_WORD + "))\\s+\\d{1,4}[a-z]?(?![\\w-])")),
      // "12 rue de la Paix", "5 bis, avenue Victor Hugo"
      RedactionRule.whole(Kind.ADDRESS,
          Pattern.compile("(?<![\\w.,/-])\\d{1,4}(?:\\s?(?:bis|ter))?,?\\s+(?:" + FR_STREET + ")\\s+"
              + "(?:(?:de|du|des|la|le|l'|d')\\s*){0,2}[A-ZÀ-Ý][\\p{L}'-]+(?:\\s+[A-ZÀ-Ý][\\p{L}'-]+){0,2}")),
      // US ZIP codes after ", ST": "Mountain View, CA 94043". The comma keeps "request ID 83702" and "IN 46204"
      // in SQL out.
      new RedactionRule(Kind.ADDRESS,
          Pattern.compile("(,\\s{1,3})(?:" + US_STATES + ")\\s{1,3}\\d{5}(?:-\\d{4})?(?![\\w-])"),
          m -> m.group(1) + Kind.ADDRESS.placeholder()),
      // UK postcodes: "NW1 6XE", "SW1A 1AA", "M1 1AE". "S3 5XX errors" is Amazon S3, not Sheffield.
      RedactionRule.whole(Kind.ADDRESS,
          Pattern.compile("(?<![A-Za-z0-9])[A-PR-UWYZ][A-HK-Y]?\\d[A-HJKPSTUW\\d]?\\s(?!\\dXX)\\d[ABD-HJLNP-UW-Z]{2}"
              + "(?![A-Za-z0-9])")),
      // German postcodes with their town, where an address puts them: after a comma, at the start of a line, or
      // as "D-10115". A bare "10061 Connection refused" has none of these.
      RedactionRule.whole(Kind.ADDRESS,
          Pattern.compile("(?m)(?<=,\\s{0,3}|\\bD-|^[ \\t]{0,8})\\d{5}\\s{1,3}[A-ZÄÖÜ][a-zäöüß]+"
              + "(?:-[A-ZÄÖÜ][a-zäöüß]+|\\s(?:am|an der|im|ob der)\\s[A-ZÄÖÜ][a-zäöüß]+)?(?![\\p{L}])")));
}
