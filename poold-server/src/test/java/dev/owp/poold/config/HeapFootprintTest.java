package dev.owp.poold.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class HeapFootprintTest {

  private final HotSpotDiagnosticMXBean vm =
      ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);

  @Test
  void asksTheJvmToReturnFreeHeapUnlessTheOperatorChoseOtherwise() {
    boolean minChosen = chosen("MinHeapFreeRatio");
    boolean maxChosen = chosen("MaxHeapFreeRatio");

    new HeapFootprint().onApplicationEvent(null);

    if (!minChosen && !maxChosen) {
      assertThat(vm.getVMOption("MinHeapFreeRatio").getValue()).isEqualTo("10");
      assertThat(vm.getVMOption("MaxHeapFreeRatio").getValue()).isEqualTo("30");
    }
    if (!chosen("G1PeriodicGCInterval")) {
      assertThat(vm.getVMOption("G1PeriodicGCInterval").getValue()).isEqualTo("30000");
    }
  }

  /** Set on the command line (or by an earlier test's poold in this JVM: then it is ours). */
  private boolean chosen(String flag) {
    return vm.getVMOption(flag).getOrigin() == com.sun.management.VMOption.Origin.VM_CREATION;
  }
}
