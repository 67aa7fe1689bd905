package dev.owp.cli.common;

import dev.owp.protocol.client.OwpClient;
import picocli.CommandLine.IVersionProvider;

/** {@code pool --version}: the {@code Implementation-Version} of the jar's manifest. */
public final class ManifestVersionProvider implements IVersionProvider {

  /** The version of this build, or a marker when running from classes rather than the jar. */
  public static String version() {
    String version = ManifestVersionProvider.class.getPackage().getImplementationVersion();
    return version == null ? "(development build)" : version;
  }

  @Override
  public String[] getVersion() {
    return new String[] {
      "pool " + version(),
      "OWP protocol client " + OwpClient.VERSION,
      "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
    };
  }
}
