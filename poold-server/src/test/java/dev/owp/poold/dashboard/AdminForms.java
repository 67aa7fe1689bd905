package dev.owp.poold.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.owp.poold.support.RawHttp;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser session on the dashboard over plain HTTP: its cookie, its CSRF token, its forms. */
final class AdminForms {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final Supplier<RawHttp> raw;
  private String cookie = "";
  private String csrf = "";

  AdminForms(Supplier<RawHttp> raw) {
    this.raw = raw;
  }

  /** Opens the sign-in form: the session starts and gets its CSRF token. */
  AdminForms open() {
    RawHttp.Response form = get("/admin");
    assertThat(form.status()).isEqualTo(200);
    csrf = csrfOf(form.body());
    return this;
  }

  /**
   * Signs in with {@code token}; returns the response. The session's CSRF token changes with it:
   * read it with {@link #get} of a page.
   */
  RawHttp.Response signIn(String token) {
    return post("/admin/sign-in", Map.of("token", token, "_csrf", csrf));
  }

  /** Opens the form and signs in; asserts it worked. */
  AdminForms signedIn(String token) {
    open();
    assertThat(signIn(token).status()).isEqualTo(302);
    csrf = csrfOf(get("/").body());
    return this;
  }

  String csrf() {
    return csrf;
  }

  RawHttp.Response get(String path) {
    RawHttp.Response response = session().get(path);
    remember(response);
    return response;
  }

  /** POSTs a form with the session's CSRF token added. */
  RawHttp.Response submit(String path, Map<String, String> fields) {
    Map<String, String> all = new LinkedHashMap<>(fields);
    all.putIfAbsent("_csrf", csrf);
    return post(path, all);
  }

  /** POSTs a form as given. */
  RawHttp.Response post(String path, Map<String, String> fields) {
    String body =
        fields.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    RawHttp.Response response =
        session().header("Content-Type", "application/x-www-form-urlencoded").post(path, body);
    remember(response);
    return response;
  }

  private RawHttp session() {
    RawHttp http = raw.get();
    return cookie.isEmpty() ? http : http.header("Cookie", cookie);
  }

  private void remember(RawHttp.Response response) {
    String setCookie = response.header("Set-Cookie");
    if (!setCookie.isEmpty()) {
      cookie = setCookie.split(";", 2)[0];
    }
  }

  static String csrfOf(String html) {
    Matcher matcher = CSRF.matcher(html);
    assertThat(matcher.find()).as("a CSRF field in the page").isTrue();
    return matcher.group(1);
  }
}
