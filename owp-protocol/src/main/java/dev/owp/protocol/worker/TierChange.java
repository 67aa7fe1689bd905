package dev.owp.protocol.worker;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.owp.protocol.Require;
import dev.owp.protocol.scheduling.TrustTier;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /v1/admin/workers/{id}/tier}: sets a worker's trust tier.
 *
 * @param tier 0 to 3; the worker then takes tasks of this tier and below
 * @param reason recorded in the event log, at most 500 characters
 */
public record TierChange(int tier, @Nullable String reason) {

  /** Validates the tier. */
  public TierChange {
    TrustTier.require("tier", tier);
    Require.optionalText("reason", reason, 500);
  }

  /** The change as sent on the wire; {@code tier} is required. */
  @JsonCreator
  public static TierChange of(@Nullable Integer tier, @Nullable String reason) {
    return new TierChange(Require.present("tier", tier), reason);
  }
}
