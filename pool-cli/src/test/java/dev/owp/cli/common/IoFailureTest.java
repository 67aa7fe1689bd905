package dev.owp.cli.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

class IoFailureTest {

  @Test
  void namesTheCommonFailuresAsAShellWould() {
    assertThat(IoFailure.why(new NoSuchFileException("/x/tasks.yaml")))
        .isEqualTo("no such file or directory");
    assertThat(IoFailure.why(new AccessDeniedException("/x/tasks.yaml")))
        .isEqualTo("permission denied");
    assertThat(IoFailure.why(new FileSystemException("/x", null, "Is a directory")))
        .isEqualTo("Is a directory");
    assertThat(IoFailure.why(new IOException("disk on fire"))).isEqualTo("disk on fire");
  }

  @Test
  void describesTheFileWhenTheFailureNamesOne() {
    assertThat(IoFailure.describe(new NoSuchFileException("/proc/nope")))
        .isEqualTo("/proc/nope: no such file or directory");
    assertThat(IoFailure.describe(new IOException("disk on fire"))).isEqualTo("disk on fire");
  }
}
