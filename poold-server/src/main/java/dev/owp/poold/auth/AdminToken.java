package dev.owp.poold.auth;

import java.security.MessageDigest;

/** The admin token, held only as its SHA-256. */
public final class AdminToken {

  private final byte[] digest;

  private AdminToken(byte[] digest) {
    this.digest = digest;
  }

  /** Wraps the configured token. */
  public static AdminToken of(String token) {
    return new AdminToken(Tokens.sha256(token));
  }

  /** True when {@code presented} is the admin token, compared in constant time. */
  public boolean matches(String presented) {
    return MessageDigest.isEqual(digest, Tokens.sha256(presented));
  }

  @Override
  public String toString() {
    return "AdminToken(redacted)";
  }
}
