package dev.owp.poold.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class NativeHeapTrimTest {

  @Test
  void trimsTheCHeapOnLinuxWhenTheOperatorLeftTheJvmsTimerOff() {
    assumeThat(System.getProperty("os.name")).isEqualTo("Linux");
    VMOption flag =
        ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
            .getVMOption("TrimNativeHeapInterval");
    assumeThat(flag.getOrigin()).isEqualTo(VMOption.Origin.DEFAULT);

    NativeHeapTrim trim = new NativeHeapTrim();

    assertThat(trim.trim()).isTrue();
    assertThat(trim.trim()).as("and again on the next tick").isTrue();
  }

  @Test
  void leavesTheTrimToTheJvmWhenTheOperatorSetItsTimer() {
    assertThat(NativeHeapTrim.wanted(option("5000", VMOption.Origin.VM_CREATION))).isFalse();
    assertThat(NativeHeapTrim.wanted(option("0", VMOption.Origin.VM_CREATION)))
        .as("set to 0: the operator turned trimming off")
        .isFalse();
    assertThat(NativeHeapTrim.wanted(option("0", VMOption.Origin.DEFAULT))).isTrue();
  }

  @Test
  void leavesAJvmWithoutTheTrimAlone() {
    assertThat(NativeHeapTrim.wanted(null)).isFalse();
  }

  private static VMOption option(String value, VMOption.Origin origin) {
    return new VMOption("TrimNativeHeapInterval", value, false, origin);
  }
}
