package dev.parallax.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How many annotate tasks (and sentences files) a corpus gets. */
class AnnotateJobTest {
  @Test
  void twoTasksPerCoreAndAtMostFiveThousandArticlesEach() {
    assertEquals(4, AnnotateJob.slices(2, 0));
    assertEquals(4, AnnotateJob.slices(2, 31));
    assertEquals(4, AnnotateJob.slices(2, 20_000)); // 20,000 / 5,000 = 4
    assertEquals(5, AnnotateJob.slices(2, 20_001)); // ceil(20,001 / 5,000)
    assertEquals(20, AnnotateJob.slices(2, 100_000));
    assertEquals(16, AnnotateJob.slices(8, 100));
    assertEquals(2, AnnotateJob.slices(1, 1));
    assertEquals(10_000, AnnotateJob.slices(2, 10_000_000_000L)); // capped
  }
}
