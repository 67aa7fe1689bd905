package dev.owp.poold.auth;

import java.security.MessageDigest;

/** The admin token, held only as its SHA-256. */
public final class AdminToken {

  /** The paths that need the admin token, in the {@code X-Admin-Token} header. */
  public static final String PATHS = "/v1/admin/**";

  /** The header that carries the admin token. */
  public static final String HEADER = "X-Admin-Token";

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
