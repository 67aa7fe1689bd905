package dev.owp.poold.config;

import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * The JVM's diagnostic commands (what {@code jcmd} runs), called from inside poold through the
 * platform's {@code DiagnosticCommand} MBean: poold is started with a plain {@code java -jar}, so
 * what an operator would otherwise set on the command line it asks of the running JVM.
 */
final class DiagnosticCommands {

  private DiagnosticCommands() {}

  /**
   * Runs {@code operation} (the MBean's name for a command, e.g. {@code systemTrimNativeHeap} for
   * {@code System.trim_native_heap}) with {@code arguments}; what the command printed.
   */
  static String run(String operation, String... arguments) throws JMException {
    Object outcome =
        ManagementFactory.getPlatformMBeanServer()
            .invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"),
                operation,
                new Object[] {arguments},
                new String[] {String[].class.getName()});
    return String.valueOf(outcome);
  }
}
