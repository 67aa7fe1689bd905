package dev.owp.poold.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * The dashboard's admin state, kept in the server-side HTTP session: whether the admin token was
 * entered (the token itself is never stored, shown or put in a URL) and the session's CSRF token,
 * which every dashboard form posts back.
 *
 * @param signedIn true once the admin token was entered in this session
 * @param csrf the session's CSRF token, null when the visitor has no session
 */
record AdminSession(boolean signedIn, @Nullable String csrf) {

  /** The form field that carries the CSRF token. */
  static final String CSRF_FIELD = "_csrf";

  private static final String SIGNED_IN = AdminSession.class.getName() + ".signedIn";
  private static final String CSRF = AdminSession.class.getName() + ".csrf";
  private static final SecureRandom RANDOM = new SecureRandom();

  /** The state of the request's session, without creating one. */
  static AdminSession of(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return new AdminSession(false, null);
    }
    return new AdminSession(
        Boolean.TRUE.equals(session.getAttribute(SIGNED_IN)), (String) session.getAttribute(CSRF));
  }

  /** Starts a session (for the sign-in form) and gives it a CSRF token. */
  static AdminSession start(HttpServletRequest request) {
    HttpSession session = request.getSession(true);
    if (session.getAttribute(CSRF) == null) {
      session.setAttribute(CSRF, newToken());
    }
    return of(request);
  }

  /**
   * Marks the session signed in. The session gets a new id and a new CSRF token, so an id or token
   * known before sign-in (session fixation) is worth nothing after it.
   */
  static void signIn(HttpServletRequest request) {
    request.changeSessionId();
    HttpSession session = request.getSession();
    session.setAttribute(SIGNED_IN, Boolean.TRUE);
    session.setAttribute(CSRF, newToken());
  }

  /** Ends the session. */
  static void signOut(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
  }

  /** True when {@code presented} is this session's CSRF token, compared in constant time. */
  boolean csrfMatches(@Nullable String presented) {
    return csrf != null
        && presented != null
        && MessageDigest.isEqual(
            csrf.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
  }

  private static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
