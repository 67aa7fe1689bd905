package dev.owp.protocol;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Random identifiers of the form {@code <prefix><16 hex digits>}, e.g. {@code t_3f9c0a1b2c3d4e5f}.
 *
 * <p>64 random bits keep collisions out of reach for any realistic pool (a million tasks collide
 * with a probability below 10⁻⁷), while staying short enough to type.
 */
public final class Ids {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final HexFormat HEX = HexFormat.of();

  private Ids() {}

  /** A fresh identifier starting with {@code prefix}. */
  public static String random(String prefix) {
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    return prefix + HEX.formatHex(bytes);
  }
}
