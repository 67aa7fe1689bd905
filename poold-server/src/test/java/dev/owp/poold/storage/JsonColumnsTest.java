package dev.owp.poold.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.owp.protocol.task.Artifact;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonColumnsTest {

  @Test
  void writesCompactJsonThatReadsBackTheSameBeyondAscii() {
    List<String> skills = List.of("java", "résumé", "日本語", "emoji 🚀", "quote \" and \\");

    String text = JsonColumns.write(skills);

    assertThat(text)
        .isEqualTo("[\"java\",\"résumé\",\"日本語\",\"emoji 🚀\",\"quote \\\" and \\\\\"]");
    assertThat(JsonColumns.strings(text)).isEqualTo(skills);
  }

  @Test
  void writesRecordsAndMapsAndLeavesNullAsNull() {
    Artifact pr = Artifact.ofPullRequest("https://github.com/o/r/pull/7");

    assertThat(JsonColumns.read(JsonColumns.write(pr), Artifact.class)).isEqualTo(pr);
    assertThat(JsonColumns.object(JsonColumns.write(Map.of("reason", "gone → back"))))
        .containsEntry("reason", "gone → back");
    assertThat(JsonColumns.writeNullable(null)).isNull();
  }
}
