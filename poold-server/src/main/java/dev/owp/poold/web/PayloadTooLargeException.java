package dev.owp.poold.web;

import java.io.IOException;

/** A request body grew past the limit while it was being read. */
final class PayloadTooLargeException extends IOException {

  private static final long serialVersionUID = 1L;

  PayloadTooLargeException(long limit) {
    super("request body is larger than " + limit + " bytes");
  }
}
