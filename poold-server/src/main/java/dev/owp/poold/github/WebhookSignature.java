package dev.owp.poold.github;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/** GitHub's {@code X-Hub-Signature-256}: {@code sha256=} and the hex HMAC-SHA256 of the body. */
final class WebhookSignature {

  private static final String PREFIX = "sha256=";

  private WebhookSignature() {}

  /** The header value GitHub sends for {@code body} signed with {@code secret}. */
  static String sign(byte[] secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  /**
   * True when {@code header} is the signature of {@code body}; compared in constant time. With no
   * secret configured nothing is valid.
   */
  static boolean valid(byte @Nullable [] secret, @Nullable String header, byte[] body) {
    if (secret == null || secret.length == 0 || header == null) {
      return false;
    }
    byte[] expected = sign(secret, body).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, header.strip().getBytes(StandardCharsets.US_ASCII));
  }
}
